package dev.refinery.taskmanagement.api;

/** The agents gave up, or the revision limit was reached ({@code escalated}): an operator decides. */
public record TaskFailed(String taskId, TaskStatus status, int round, int revision, String reason, boolean escalated) implements TaskEvent {}
