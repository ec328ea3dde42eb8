package dev.refinery.taskmanagement.api;

/** The task waits for an agent of the pool: at first, after an answer (see ClarificationAnswered), after a rejection, after a retry. */
public record RequestValidationStarted(String taskId, TaskStatus status, int round, int revision, String assignedPool) implements TaskEvent {}
