package dev.refinery.productdefinition.api;

import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.WireName;

/** Load-test event; Task Management and Orchestration subscribe to it. */
@WireName("productdefinition.LoadEvent")
public record LoadEvent(String correlationId, int n) implements DomainEvent {}
