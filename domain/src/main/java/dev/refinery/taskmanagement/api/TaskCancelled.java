package dev.refinery.taskmanagement.api;

/** The task was withdrawn. */
public record TaskCancelled(String taskId, TaskStatus status, int round, int revision, String by, String reason) implements TaskEvent {}
