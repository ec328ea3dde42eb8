package dev.refinery.taskmanagement.api;

/** An operator put the failed task back before the agents. */
public record TaskRetried(String taskId, TaskStatus status, int round, int revision, String by, String assignedPool) implements TaskEvent {}
