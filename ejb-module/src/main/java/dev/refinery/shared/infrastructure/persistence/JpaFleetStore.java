package dev.refinery.shared.infrastructure.persistence;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.shared.monitoring.FleetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Instances in {@code monitoring.instance}; consumptions from {@code monitoring.event_log}. */
@ApplicationScoped
public class JpaFleetStore implements FleetStore {

  private static final String PAUSED = "paused";

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public void beat(Beat beat) {
    entityManager
        .createNativeQuery(
            "INSERT INTO monitoring.instance (name, version, started_at, seen_at, agent_slots,"
                + " agents_busy, work) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE"
                + " SET version = excluded.version, started_at = excluded.started_at, seen_at ="
                + " excluded.seen_at, agent_slots = excluded.agent_slots, agents_busy ="
                + " excluded.agents_busy, work = excluded.work")
        .setParameter(1, beat.name())
        .setParameter(2, beat.version())
        .setParameter(3, Timestamp.from(beat.startedAt()))
        .setParameter(4, Timestamp.from(beat.seenAt()))
        .setParameter(5, beat.agentSlots())
        .setParameter(6, beat.agentsBusy())
        .setParameter(7, work(beat.work()))
        .executeUpdate();
    entityManager
        .createNativeQuery(
            "DELETE FROM monitoring.instance WHERE seen_at < CAST(? AS timestamptz) - interval '1"
                + " day'")
        .setParameter(1, Timestamp.from(beat.seenAt()))
        .executeUpdate();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Beat> instances() {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT name, version, started_at, seen_at, agent_slots, agents_busy, work FROM"
                    + " monitoring.instance ORDER BY started_at DESC, name")
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Beat(
                    (String) row[0],
                    (String) row[1],
                    instant(row[2]),
                    instant(row[3]),
                    ((Number) row[4]).intValue(),
                    ((Number) row[5]).intValue(),
                    work((String) row[6])))
        .toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Consumed> consumedLastMinute() {
    Map<String, Consumed> consumed = new TreeMap<>();
    ((List<Object[]>)
            entityManager
                .createNativeQuery(
                    "SELECT target, count(*), count(*) FILTER (WHERE attempt > 1) FROM"
                        + " monitoring.event_log WHERE direction = 'CONSUMED' AND recorded_at >"
                        + " now() - interval '1 minute' GROUP BY target")
                .getResultList())
        .forEach(
            row ->
                consumed.put(
                    (String) row[0],
                    new Consumed(((Number) row[1]).longValue(), ((Number) row[2]).longValue())));
    return consumed;
  }

  /** "scanner=2026-12-06T20:00:01Z,poller=paused,detector=" (never ticked: empty). */
  private static String work(List<WorkTick> ticks) {
    return ticks.stream()
        .map(
            tick ->
                tick.key()
                    + "="
                    + (tick.paused() ? PAUSED + "@" : "")
                    + (tick.lastTick() == null ? "" : tick.lastTick().toString()))
        .collect(Collectors.joining(","));
  }

  private static List<WorkTick> work(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    return Arrays.stream(column.split(","))
        .map(
            entry -> {
              String key = entry.substring(0, entry.indexOf('='));
              String value = entry.substring(entry.indexOf('=') + 1);
              boolean paused = value.startsWith(PAUSED + "@");
              String tick = paused ? value.substring(PAUSED.length() + 1) : value;
              return new WorkTick(key, tick.isEmpty() ? null : Instant.parse(tick), paused);
            })
        .toList();
  }
}
