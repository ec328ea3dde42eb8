package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** The agent wrote revision n of the PRD (Product Definition keeps the document). */
@WireName("taskmanagement.SubmitPrd")
public record SubmitPrd(String taskId, int revision) implements TaskCommand {}
