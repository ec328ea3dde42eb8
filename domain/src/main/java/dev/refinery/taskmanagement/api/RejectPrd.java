package dev.refinery.taskmanagement.api;

/** An approver sends the PRD revision back, saying why. */
public record RejectPrd(String taskId, int revision, String by, String reason) implements TaskCommand {}
