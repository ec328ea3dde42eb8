package dev.refinery.shared.monitoring;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * The machinery's stalls, from the messaging and monitoring tables: an outbox row unsent past
 * {@code refinery.alerts.outbox-age}, dead letters waiting for an operator, a context queue that
 * did not consume the heartbeat within {@code refinery.alerts.heartbeat-age}, and a message type
 * whose consumptions failed more than {@code refinery.alerts.error-rate} of the time over {@code
 * refinery.alerts.error-window} (at least {@value #MIN_ATTEMPTS} of them).
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

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

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
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "SELECT count(*), min(enqueued_at), (array_agg(message_id"
                        + " ORDER BY id))[1] FROM messaging.outbox WHERE enqueued_at < ?")
                .setParameter(1, Timestamp.from(clock.instant().minus(limit)))
                .getSingleResult();
    long stuck = ((Number) row[0]).longValue();
    alerts.reconcile(
        OUTBOX,
        stuck == 0
            ? Map.of()
            : Map.of(
                OUTBOX,
                Alert.of(
                    OUTBOX,
                    OUTBOX,
                    stuck
                        + " message(s) waited in the outbox longer than "
                        + limit
                        + " (oldest since "
                        + row[1]
                        + "): is the broker reachable?",
                    null,
                    (UUID) row[2])));
  }

  private void deadLetters() {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "SELECT count(*), (array_agg(message_id ORDER BY last_failure_at DESC))[1],"
                        + " (array_agg(type ORDER BY last_failure_at DESC))[1],"
                        + " (array_agg(correlation_id ORDER BY last_failure_at DESC))[1] FROM"
                        + " messaging.dead_letter WHERE status = 'DEAD'")
                .getSingleResult();
    long waiting = ((Number) row[0]).longValue();
    alerts.reconcile(
        DEAD_LETTERS,
        waiting == 0
            ? Map.of()
            : Map.of(
                DEAD_LETTERS,
                Alert.of(
                    DEAD_LETTERS,
                    DEAD_LETTERS,
                    waiting
                        + " dead letter(s) wait for an operator to replay or discard them (newest: "
                        + row[2]
                        + ")",
                    (String) row[3],
                    (UUID) row[1])));
  }

  @SuppressWarnings("unchecked")
  private void heartbeats() {
    Duration limit = setting("refinery.alerts.heartbeat-age");
    List<Object> beat =
        entityManager
            .createNativeQuery(
                "SELECT message_id FROM monitoring.event_log WHERE type = ? AND direction ="
                    + " 'PUBLISHED' AND recorded_at < ? ORDER BY recorded_at DESC LIMIT 1")
            .setParameter(1, MessageMonitor.HEARTBEAT)
            .setParameter(2, Timestamp.from(clock.instant().minus(limit)))
            .getResultList();
    Map<String, Alert> unconsumed = new HashMap<>();
    if (!beat.isEmpty()) {
      List<Object> consumers =
          entityManager
              .createNativeQuery(
                  "SELECT DISTINCT target FROM monitoring.event_log"
                      + " WHERE message_id = ? AND direction = 'CONSUMED'")
              .setParameter(1, beat.getFirst())
              .getResultList();
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
                  (UUID) beat.getFirst()));
        }
      }
    }
    alerts.reconcile(UNCONSUMED, unconsumed);
  }

  @SuppressWarnings("unchecked")
  private void errorRates() {
    double ceiling = config.getValue("refinery.alerts.error-rate", Double.class);
    Duration window = setting("refinery.alerts.error-window");
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT type, count(*), count(*) FILTER (WHERE outcome IN ('retried',"
                    + " 'dead-lettered', 'failed')) FROM monitoring.event_log WHERE direction ="
                    + " 'CONSUMED' AND recorded_at >= ? AND outcome <> 'ignored' GROUP BY type"
                    + " HAVING count(*) >= ?")
            .setParameter(1, Timestamp.from(clock.instant().minus(window)))
            .setParameter(2, MIN_ATTEMPTS)
            .getResultList();
    Map<String, Alert> failing = new HashMap<>();
    for (Object[] row : rows) {
      long total = ((Number) row[1]).longValue();
      long failed = ((Number) row[2]).longValue();
      if (failed > ceiling * total) {
        String condition = ERROR_RATE + ":" + row[0];
        failing.put(
            condition,
            Alert.of(
                condition,
                ERROR_RATE,
                row[0]
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
