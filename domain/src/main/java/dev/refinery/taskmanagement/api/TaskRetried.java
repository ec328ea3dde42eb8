package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/**
 * An operator put the failed task back before the agents. It carries the request, as
 * RequestValidationStarted does: a task that failed before its validation started is new to Product
 * Definition here.
 */
@WireName("taskmanagement.TaskRetried")
public record TaskRetried(
    String taskId,
    TaskStatus status,
    int round,
    int revision,
    String by,
    String assignedPool,
    String title,
    String description,
    String requester,
    Priority priority)
    implements TaskEvent {}
