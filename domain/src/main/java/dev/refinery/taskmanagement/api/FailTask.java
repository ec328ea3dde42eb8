package dev.refinery.taskmanagement.api;

/** The agent gave up: retries exhausted or an error retrying cannot fix. */
public record FailTask(String taskId, String reason, boolean retryable) implements TaskCommand {}
