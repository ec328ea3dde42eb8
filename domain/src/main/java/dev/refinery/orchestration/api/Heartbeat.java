package dev.refinery.orchestration.api;

import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.WireName;
import java.time.Instant;

/**
 * Sent by Orchestration's detector every cycle so that a context queue nobody consumes shows up:
 * every context's queue receives it, and the event log records who consumed it.
 */
@WireName("orchestration.Heartbeat")
public record Heartbeat(Instant sentAt) implements DomainEvent {

  public static final String TYPE = "orchestration.Heartbeat";

  @Override
  public String correlationId() {
    return "heartbeat";
  }
}
