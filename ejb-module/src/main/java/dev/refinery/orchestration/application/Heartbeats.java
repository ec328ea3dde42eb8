package dev.refinery.orchestration.application;

import dev.refinery.orchestration.api.Heartbeat;
import dev.refinery.shared.messaging.MessageQueue;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Sends the heartbeat every context's queue receives, so a queue nobody consumes shows up in the
 * event log.
 */
@Stateless
public class Heartbeats {

  @Inject MessageQueue queue;

  @Inject Clock clock;

  public void send() {
    queue.publishEvent(new Heartbeat(clock.instant()));
  }
}
