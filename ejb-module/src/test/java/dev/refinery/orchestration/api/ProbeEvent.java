package dev.refinery.orchestration.api;

import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.WireName;

/** Test event owned by Orchestration. */
@WireName("orchestration.ProbeEvent")
public record ProbeEvent(String correlationId, String note) implements DomainEvent {}
