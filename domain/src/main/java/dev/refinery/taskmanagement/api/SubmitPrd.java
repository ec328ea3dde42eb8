package dev.refinery.taskmanagement.api;

/** The agent wrote revision n of the PRD (Product Definition keeps the document). */
public record SubmitPrd(String taskId, int revision) implements TaskCommand {}
