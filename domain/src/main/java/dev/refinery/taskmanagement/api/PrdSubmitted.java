package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** Revision {@code revision} of the PRD waits for an approver. */
@WireName("taskmanagement.PrdSubmitted")
public record PrdSubmitted(String taskId, TaskStatus status, int round, int revision)
    implements TaskEvent {}
