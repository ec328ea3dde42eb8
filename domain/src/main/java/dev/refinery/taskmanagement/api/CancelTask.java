package dev.refinery.taskmanagement.api;

/** The requester or an operator withdraws the task. */
public record CancelTask(String taskId, String by, String reason) implements TaskCommand {}
