package dev.refinery.taskmanagement.api;

/** An operator puts a failed task back before the agents. */
public record RetryTask(String taskId, String by) implements TaskCommand {}
