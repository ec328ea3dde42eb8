package dev.refinery.humaninteraction.api;

import dev.refinery.shared.messaging.WireName;
import dev.refinery.shared.messaging.Command;

/** Load-test command owned by this context. */
@WireName("humaninteraction.LoadPing")
public record LoadPing(String correlationId, int n) implements Command {}
