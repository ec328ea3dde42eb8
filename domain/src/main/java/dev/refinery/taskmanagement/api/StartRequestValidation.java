package dev.refinery.taskmanagement.api;

/** Put a new task before the product-manager agents (sent by Orchestration). */
public record StartRequestValidation(String taskId) implements TaskCommand {}
