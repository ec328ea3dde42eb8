package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** A request became a task, in state NEW. */
@WireName("taskmanagement.TaskCreated")
public record TaskCreated(
    String taskId,
    TaskStatus status,
    int round,
    int revision,
    String title,
    String description,
    String requester,
    Priority priority)
    implements TaskEvent {}
