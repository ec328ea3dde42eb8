package dev.refinery.shared.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Messaging settings from MicroProfile Config (defaults in the domain jar's microprofile-config.properties). */
@ApplicationScoped
public class MessagingSettings {

  @Inject
  @ConfigProperty(name = "refinery.messaging.retry-delays")
  String retryDelays;

  @Inject
  @ConfigProperty(name = "refinery.messaging.early-event-horizon")
  Duration earlyEventHorizon;

  @Inject
  @ConfigProperty(name = "refinery.outbox.sweep-interval")
  Duration sweepInterval;

  @Inject
  @ConfigProperty(name = "refinery.outbox.batch-size")
  int relayBatchSize;

  @Inject
  @ConfigProperty(name = "refinery.outbox.lease-seconds")
  int relayLeaseSeconds;

  public RetryPolicy retryPolicy() {
    return RetryPolicy.parse(retryDelays);
  }

  public Duration earlyEventHorizon() {
    return earlyEventHorizon;
  }

  public Duration sweepInterval() {
    return sweepInterval;
  }

  public int relayBatchSize() {
    return relayBatchSize;
  }

  public int relayLeaseSeconds() {
    return relayLeaseSeconds;
  }
}
