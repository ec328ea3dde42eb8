package dev.refinery.taskmanagement.api;

/** An approver sent revision {@code revision} back; the agents write the next one. */
public record PrdRejected(String taskId, TaskStatus status, int round, int revision, String by, String reason, String assignedPool) implements TaskEvent {}
