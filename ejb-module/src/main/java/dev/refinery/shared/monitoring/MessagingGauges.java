package dev.refinery.shared.monitoring;

import dev.refinery.shared.application.DeadLetters;
import dev.refinery.shared.infrastructure.management.ApplicationCalls;
import dev.refinery.shared.infrastructure.management.Jmx;
import dev.refinery.shared.infrastructure.management.RefineryMetric;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.management.ObjectName;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The messaging machinery as operators watch it: the outbox backlog and its age, the dead letters
 * waiting, the open alerts, each message type's consumptions in the last minute. As gauges ({@code
 * refinery_outbox_backlog}, {@code refinery_outbox_oldest_seconds}, {@code refinery_dead_letters},
 * {@code refinery_alerts_open}) and as {@code dev.refinery:type=Messaging}, whose operations replay
 * or discard a dead letter (audited as the JMX caller, {@link JmxCaller}). The gauges are read at
 * most once a second.
 */
@ApplicationScoped
public class MessagingGauges {

  /** {@code dev.refinery:type=Messaging}. */
  public interface MessagingMXBean {
    int LISTED = 100;

    long getOutboxBacklog();

    long getOutboxOldestAgeSeconds();

    long getDeadLetters();

    Map<String, Long> getConsumedLastMinuteByType();

    /**
     * The newest open dead letters (at most {@value #LISTED}), by id: message id, type, task and
     * reason.
     */
    Map<String, String> getOpenDeadLetters();

    /** Sends the dead letter back to the queue it failed on; audited as the JMX caller. */
    void replayDeadLetter(String id);

    /** Closes the dead letter without sending it again; audited as the JMX caller. */
    void discardDeadLetter(String id);
  }

  private record Snapshot(
      Instant at, long backlog, long oldest, long deadLetters, long openAlerts) {}

  static final ObjectName NAME = Jmx.name("type=Messaging");

  @Inject MachineReadings readings;

  @Inject MetricRegistry registry;

  @Inject ApplicationCalls calls;

  @Inject DeadLetters deadLetters;

  private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, 0, 0, 0, 0);

  void register(@Observes Startup startup) {
    registry.gauge(RefineryMetric.OUTBOX_BACKLOG.metadata(), () -> current().backlog());
    registry.gauge(RefineryMetric.OUTBOX_OLDEST.metadata(), () -> current().oldest());
    registry.gauge(RefineryMetric.DEAD_LETTERS.metadata(), () -> current().deadLetters());
    registry.gauge(RefineryMetric.ALERTS_OPEN.metadata(), () -> current().openAlerts());
    Jmx.register(
        new MessagingMXBean() {
          @Override
          public long getOutboxBacklog() {
            return current().backlog();
          }

          @Override
          public long getOutboxOldestAgeSeconds() {
            return current().oldest();
          }

          @Override
          public long getDeadLetters() {
            return current().deadLetters();
          }

          @Override
          public Map<String, Long> getConsumedLastMinuteByType() {
            return consumedLastMinute();
          }

          @Override
          public Map<String, String> getOpenDeadLetters() {
            return openDeadLetters();
          }

          @Override
          public void replayDeadLetter(String id) {
            deadLetters.replay(UUID.fromString(id), JmxCaller.caller());
          }

          @Override
          public void discardDeadLetter(String id) {
            deadLetters.discard(UUID.fromString(id), JmxCaller.caller());
          }
        },
        MessagingMXBean.class,
        NAME,
        calls);
  }

  @PreDestroy
  void unregister() {
    Jmx.unregister(NAME);
  }

  private Map<String, String> openDeadLetters() {
    Map<String, String> letters = new LinkedHashMap<>();
    deadLetters
        .openViews(MessagingMXBean.LISTED)
        .forEach(
            letter ->
                letters.put(
                    letter.id().toString(),
                    letter.headers().messageId()
                        + " "
                        + letter.type()
                        + " (task "
                        + letter.taskId()
                        + "): "
                        + letter.reason()));
    return letters;
  }

  private Map<String, Long> consumedLastMinute() {
    return readings.consumedLastMinute();
  }

  private Snapshot current() {
    Snapshot last = snapshot;
    if (Duration.between(last.at(), Instant.now()).toMillis() < 1_000) {
      return last;
    }
    MachineReadings.Figures figures = readings.figures();
    snapshot =
        new Snapshot(
            Instant.now(),
            figures.outboxBacklog(),
            figures.outboxOldestSeconds(),
            figures.deadLetters(),
            figures.openAlerts());
    return snapshot;
  }
}
