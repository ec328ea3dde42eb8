package dev.refinery.taskmanagement.api;

/** Revision {@code revision} of the PRD waits for an approver. */
public record PrdSubmitted(String taskId, TaskStatus status, int round, int revision) implements TaskEvent {}
