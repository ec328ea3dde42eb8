package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** An operator put the failed task back before the agents. */
@WireName("taskmanagement.TaskRetried")
public record TaskRetried(String taskId, TaskStatus status, int round, int revision, String by, String assignedPool) implements TaskEvent {}
