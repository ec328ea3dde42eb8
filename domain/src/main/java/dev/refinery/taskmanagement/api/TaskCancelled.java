package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** The task was withdrawn. */
@WireName("taskmanagement.TaskCancelled")
public record TaskCancelled(
    String taskId, TaskStatus status, int round, int revision, String by, String reason)
    implements TaskEvent {}
