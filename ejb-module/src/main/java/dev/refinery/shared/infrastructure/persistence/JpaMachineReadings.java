package dev.refinery.shared.infrastructure.persistence;

import dev.refinery.shared.infrastructure.messaging.routing.Subscriptions;
import dev.refinery.shared.monitoring.MachineReadings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The machinery's readings from {@code messaging.*} and {@code monitoring.*}. */
@ApplicationScoped
public class JpaMachineReadings implements MachineReadings {

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public Backlog outboxWrittenBefore(Instant before) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "SELECT count(*), min(enqueued_at), (array_agg(message_id"
                        + " ORDER BY id))[1] FROM messaging.outbox WHERE enqueued_at < ?")
                .setParameter(1, Timestamp.from(before))
                .getSingleResult();
    return new Backlog(((Number) row[0]).longValue(), NativeRows.instant(row[1]), (UUID) row[2]);
  }

  @Override
  public DeadLetterBacklog openDeadLetters() {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "SELECT count(*), (array_agg(message_id ORDER BY last_failure_at DESC))[1],"
                        + " (array_agg(type ORDER BY last_failure_at DESC))[1],"
                        + " (array_agg(correlation_id ORDER BY last_failure_at DESC))[1] FROM"
                        + " messaging.dead_letter WHERE status = 'DEAD'")
                .getSingleResult();
    return new DeadLetterBacklog(
        ((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], (String) row[3]);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<UUID> heartbeatPublishedBefore(Instant before) {
    List<Object> beat =
        entityManager
            .createNativeQuery(
                "SELECT message_id FROM monitoring.event_log WHERE type = ? AND direction ="
                    + " 'PUBLISHED' AND recorded_at < ? ORDER BY recorded_at DESC LIMIT 1")
            .setParameter(1, Subscriptions.HEARTBEAT)
            .setParameter(2, Timestamp.from(before))
            .getResultList();
    return beat.stream().map(UUID.class::cast).findFirst();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Set<String> consumersOf(UUID messageId) {
    List<Object> consumers =
        entityManager
            .createNativeQuery(
                "SELECT DISTINCT target FROM monitoring.event_log"
                    + " WHERE message_id = ? AND direction = 'CONSUMED'")
            .setParameter(1, messageId)
            .getResultList();
    Set<String> found = new HashSet<>();
    consumers.forEach(target -> found.add((String) target));
    return found;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Consumptions> consumptionsSince(Instant since, int minimum) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT type, count(*), count(*) FILTER (WHERE outcome IN ('retried',"
                    + " 'dead-lettered', 'failed')) FROM monitoring.event_log WHERE direction ="
                    + " 'CONSUMED' AND recorded_at >= ? AND outcome <> 'ignored' GROUP BY type"
                    + " HAVING count(*) >= ?")
            .setParameter(1, Timestamp.from(since))
            .setParameter(2, minimum)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Consumptions(
                    (String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
        .toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Long> consumedLastMinute() {
    Map<String, Long> rates = new TreeMap<>();
    ((List<Object[]>)
            entityManager
                .createNativeQuery(
                    "SELECT type, count(*) FROM monitoring.event_log WHERE direction = 'CONSUMED'"
                        + " AND recorded_at > now() - interval '1 minute' GROUP BY type")
                .getResultList())
        .forEach(row -> rates.put((String) row[0], ((Number) row[1]).longValue()));
    return rates;
  }

  @Override
  public Figures figures() {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "SELECT (SELECT count(*) FROM messaging.outbox), (SELECT coalesce(extract(epoch"
                        + " FROM now() - min(enqueued_at)), 0) FROM messaging.outbox), (SELECT"
                        + " count(*) FROM messaging.dead_letter WHERE status = 'DEAD'), (SELECT"
                        + " count(*) FROM monitoring.alert WHERE cleared_at IS NULL)")
                .getSingleResult();
    return new Figures(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue(),
        ((Number) row[3]).longValue());
  }
}
