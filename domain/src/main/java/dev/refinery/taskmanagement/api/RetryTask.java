package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** An operator puts a failed task back before the agents. */
@WireName("taskmanagement.RetryTask")
public record RetryTask(String taskId, String by) implements TaskCommand {}
