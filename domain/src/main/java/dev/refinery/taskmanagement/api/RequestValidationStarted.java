package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/**
 * The task waits for an agent of the pool for the first time (after an answer see
 * ClarificationAnswered, after a rejection PrdRejected, after a retry TaskRetried). It carries the
 * request (title, description, requester, priority) so that Product Definition needs no
 * TaskCreated: its work item starts here.
 */
@WireName("taskmanagement.RequestValidationStarted")
public record RequestValidationStarted(
    String taskId,
    TaskStatus status,
    int round,
    int revision,
    String assignedPool,
    String title,
    String description,
    String requester,
    Priority priority)
    implements TaskEvent {}
