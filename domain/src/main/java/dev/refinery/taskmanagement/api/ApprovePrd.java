package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** An approver accepts the PRD revision. */
@WireName("taskmanagement.ApprovePrd")
public record ApprovePrd(String taskId, int revision, String by) implements TaskCommand {}
