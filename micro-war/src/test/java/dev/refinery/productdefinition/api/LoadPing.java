package dev.refinery.productdefinition.api;

import dev.refinery.shared.messaging.WireName;
import dev.refinery.shared.messaging.Command;

/** Load-test command owned by this context. */
@WireName("productdefinition.LoadPing")
public record LoadPing(String correlationId, int n) implements Command {}
