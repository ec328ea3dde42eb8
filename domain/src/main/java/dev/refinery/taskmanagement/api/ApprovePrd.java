package dev.refinery.taskmanagement.api;

/** An approver accepts the PRD revision. */
public record ApprovePrd(String taskId, int revision, String by) implements TaskCommand {}
