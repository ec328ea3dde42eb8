package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** The agent gave up: retries exhausted or an error retrying cannot fix. */
@WireName("taskmanagement.FailTask")
public record FailTask(String taskId, String reason, boolean retryable) implements TaskCommand {}
