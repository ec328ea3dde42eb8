package dev.refinery.humaninteraction.api;

import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.WireName;

/** Load-test command owned by this context. */
@WireName("humaninteraction.LoadPing")
public record LoadPing(String correlationId, int n) implements Command {}
