package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/**
 * The agents gave up, or the revision limit was reached ({@code escalated}): an operator decides.
 */
@WireName("taskmanagement.TaskFailed")
public record TaskFailed(
    String taskId, TaskStatus status, int round, int revision, String reason, boolean escalated)
    implements TaskEvent {}
