package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** The requester or an operator withdraws the task. */
@WireName("taskmanagement.CancelTask")
public record CancelTask(String taskId, String by, String reason) implements TaskCommand {}
