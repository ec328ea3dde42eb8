package dev.refinery.orchestration.api;

import dev.refinery.shared.messaging.WireName;
import dev.refinery.shared.messaging.DomainEvent;

/** Test event owned by Orchestration. */
@WireName("orchestration.ProbeEvent")
public record ProbeEvent(String correlationId, String note) implements DomainEvent {}
