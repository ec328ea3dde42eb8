package dev.refinery.taskmanagement.api;

/** An approver accepted the PRD: the workflow is done. */
public record PrdApproved(String taskId, TaskStatus status, int round, int revision, String by) implements TaskEvent {}
