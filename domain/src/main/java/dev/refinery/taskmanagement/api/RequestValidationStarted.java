package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** The task waits for an agent of the pool: at first, after an answer (see ClarificationAnswered), after a rejection, after a retry. */
@WireName("taskmanagement.RequestValidationStarted")
public record RequestValidationStarted(String taskId, TaskStatus status, int round, int revision, String assignedPool) implements TaskEvent {}
