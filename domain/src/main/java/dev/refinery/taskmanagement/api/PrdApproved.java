package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** An approver accepted the PRD: the workflow is done. */
@WireName("taskmanagement.PrdApproved")
public record PrdApproved(String taskId, TaskStatus status, int round, int revision, String by)
    implements TaskEvent {}
