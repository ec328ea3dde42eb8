package dev.refinery.shared.monitoring;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * The machinery's stalls, from what {@link MachineReadings} reads of the messaging and monitoring
 * tables: an outbox row unsent past {@code refinery.alerts.outbox-age}, dead letters waiting for an
 * operator, a context queue that did not consume the heartbeat within {@code
 * refinery.alerts.heartbeat-age}, and a message type whose consumptions failed more than {@code
 * refinery.alerts.error-rate} of the time over {@code refinery.alerts.error-window} (at least
 * {@value #MIN_ATTEMPTS} of them).
 */
@Stateless
public class MachineStalls {

  public static final String OUTBOX = "outbox-stalled";
  public static final String DEAD_LETTERS = "dead-letters";
  public static final String UNCONSUMED = "queue-unconsumed";
  public static final String ERROR_RATE = "error-rate";
  public static final int MIN_ATTEMPTS = 10;
  private static final List<String> CONTEXTS =
      List.of("taskmanagement", "humaninteraction", "productdefinition", "orchestration");

  @Inject MachineReadings readings;

  @Inject Alerts alerts;

  @Inject Config config;

  @Inject Clock clock;

  public void detect() {
    outbox();
    deadLetters();
    heartbeats();
    errorRates();
  }

  private void outbox() {
    Duration limit = setting("refinery.alerts.outbox-age");
    MachineReadings.Backlog stuck = readings.outboxWrittenBefore(clock.instant().minus(limit));
    alerts.reconcile(
        OUTBOX,
        stuck.count() == 0
            ? Map.of()
            : Map.of(
                OUTBOX,
                Alert.of(
                    OUTBOX,
                    OUTBOX,
                    stuck.count()
                        + " message(s) waited in the outbox longer than "
                        + limit
                        + " (oldest since "
                        + stuck.oldest()
                        + "): is the broker reachable?",
                    null,
                    stuck.firstMessageId())));
  }

  private void deadLetters() {
    MachineReadings.DeadLetterBacklog waiting = readings.openDeadLetters();
    alerts.reconcile(
        DEAD_LETTERS,
        waiting.count() == 0
            ? Map.of()
            : Map.of(
                DEAD_LETTERS,
                Alert.of(
                    DEAD_LETTERS,
                    DEAD_LETTERS,
                    waiting.count()
                        + " dead letter(s) wait for an operator to replay or discard them (newest: "
                        + waiting.newestType()
                        + ")",
                    waiting.newestTask(),
                    waiting.newestMessageId())));
  }

  private void heartbeats() {
    Duration limit = setting("refinery.alerts.heartbeat-age");
    Optional<UUID> beat = readings.heartbeatPublishedBefore(clock.instant().minus(limit));
    Map<String, Alert> unconsumed = new HashMap<>();
    if (beat.isPresent()) {
      Set<String> consumers = readings.consumersOf(beat.get());
      for (String context : CONTEXTS) {
        if (!consumers.contains(context)) {
          String condition = UNCONSUMED + ":" + context;
          unconsumed.put(
              condition,
              Alert.of(
                  condition,
                  UNCONSUMED,
                  "queue refinery."
                      + context
                      + " did not consume the"
                      + " heartbeat within "
                      + limit
                      + ": no instance consumes it, or its consumers are stuck",
                  null,
                  beat.get()));
        }
      }
    }
    alerts.reconcile(UNCONSUMED, unconsumed);
  }

  private void errorRates() {
    double ceiling = config.getValue("refinery.alerts.error-rate", Double.class);
    Duration window = setting("refinery.alerts.error-window");
    List<MachineReadings.Consumptions> rows =
        readings.consumptionsSince(clock.instant().minus(window), MIN_ATTEMPTS);
    Map<String, Alert> failing = new HashMap<>();
    for (MachineReadings.Consumptions row : rows) {
      long total = row.total();
      long failed = row.failed();
      if (failed > ceiling * total) {
        String condition = ERROR_RATE + ":" + row.type();
        failing.put(
            condition,
            Alert.of(
                condition,
                ERROR_RATE,
                row.type()
                    + ": "
                    + failed
                    + " of "
                    + total
                    + " consumptions failed in the last "
                    + window
                    + " (threshold "
                    + Math.round(ceiling * 100)
                    + " %)",
                null,
                null));
      }
    }
    alerts.reconcile(ERROR_RATE, failing);
  }

  private Duration setting(String name) {
    return config.getValue(name, Duration.class);
  }
}
