package dev.refinery.shared.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Messaging settings from MicroProfile Config (defaults in the domain jar's
 * microprofile-config.properties).
 */
@ApplicationScoped
public class MessagingSettings {

  @Inject
  @ConfigProperty(name = "refinery.messaging.retry-delays")
  String retryDelays;

  @Inject
  @ConfigProperty(name = "refinery.messaging.early-event-horizon")
  Duration earlyEventHorizon;

  @Inject
  @ConfigProperty(name = "refinery.messaging.early-event-retry-delays")
  String earlyEventRetryDelays;

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

  /**
   * The quick first retries of an event that overtook its task's first: then the ordinary delays.
   */
  public RetryPolicy earlyEventRetries() {
    List<Duration> delays =
        new java.util.ArrayList<>(RetryPolicy.parse(earlyEventRetryDelays).delays());
    delays.addAll(retryPolicy().delays());
    return new RetryPolicy(delays);
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
