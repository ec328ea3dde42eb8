package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.Command;

/** Load-test command owned by this context. */
public record LoadPing(String correlationId, int n) implements Command {}
