package dev.refinery.productdefinition.api;

import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.WireName;

/** Load-test command owned by this context. */
@WireName("productdefinition.LoadPing")
public record LoadPing(String correlationId, int n) implements Command {}
