package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** Put a new task before the product-manager agents (sent by Orchestration). */
@WireName("taskmanagement.StartRequestValidation")
public record StartRequestValidation(String taskId) implements TaskCommand {}
