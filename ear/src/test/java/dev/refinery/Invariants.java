package dev.refinery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The fault suite's six invariants, checked after a scenario drained, by SQL on the database and by
 * queue depths on the suite's private broker. Each looks at what happened since the scenario began.
 */
final class Invariants {

  /** One invariant's outcome: held or not, and what was seen. */
  record Verdict(boolean held, String detail) {
    static Verdict of(List<String> violations, String evidence) {
      return violations.isEmpty()
          ? new Verdict(true, evidence)
          : new Verdict(
              false,
              String.join("; ", violations.subList(0, Math.min(5, violations.size())))
                  + (violations.size() > 5 ? " (+" + (violations.size() - 5) + " more)" : ""));
    }
  }

  static final String TERMINAL = "('PRD_APPROVED', 'CANCELLED')";

  /**
   * How soon a row written to the outbox is sent at the latest: a relay that died holds it for its
   * lease ({@code refinery.outbox.lease-seconds=30}), then the next sweep ({@code PT2S}) takes it;
   * with a margin.
   */
  static final Duration OUTBOX_PROMISE = Duration.ofSeconds(30 + 2 + 3);

  private final Connection database;
  private final RetryChains chains;

  /**
   * @param earlyEventDelays the quick first retries of an event that overtook its task's first
   */
  Invariants(Connection database, List<Duration> retryDelays, List<Duration> earlyEventDelays) {
    this.database = database;
    List<Duration> early = new ArrayList<>(earlyEventDelays);
    early.addAll(retryDelays);
    this.chains = new RetryChains(retryDelays, early);
  }

  /**
   * I1: every accepted submission exists and ended (approved, cancelled, or failed with its
   * reason), every task created in the window too, the outbox is empty and no context queue holds a
   * message; no more tasks FAILED and no more submissions refused than the fault may cause
   * (reported either way). Queue depths that could not be read ({@code null}) are a violation, not
   * an empty broker.
   */
  Verdict noTaskLost(
      Set<UUID> accepted,
      Timestamp since,
      Map<String, Long> queueDepths,
      int refused,
      int mayRefuse,
      int mayFail)
      throws SQLException {
    List<String> violations = new ArrayList<>();
    if (queueDepths == null) {
      violations.add("the queue depths could not be read from the broker");
      queueDepths = Map.of();
    }
    if (refused > mayRefuse) {
      violations.add(refused + " submissions refused, the fault may cause " + mayRefuse);
    }
    Set<UUID> known =
        new TreeSet<>(
            uuids(
                "SELECT id FROM taskmanagement.task WHERE id = ANY (?)",
                (Object) accepted.toArray()));
    accepted.stream()
        .filter(id -> !known.contains(id))
        .limit(5)
        .forEach(id -> violations.add("accepted task " + id + " is not in Task Management"));
    for (UUID id :
        uuids(
            "SELECT id FROM taskmanagement.task WHERE created_at >= ? AND status NOT IN "
                + TERMINAL
                + " AND NOT (status = 'FAILED' AND failure_reason IS NOT NULL)",
            since)) {
      violations.add(
          "task "
              + id
              + " did not finish ("
              + string("SELECT status FROM taskmanagement.task WHERE id = ?", id)
              + ")");
    }
    violations.addAll(stuckInTheOutbox());
    queueDepths.forEach(
        (queue, depth) -> {
          if (depth > 0
              && queue.matches(
                  "refinery\\.(taskmanagement|humaninteraction|productdefinition|"
                      + "orchestration|dlq)(\\.delay\\.\\d+)?")) {
            violations.add(depth + " messages left on " + queue);
          }
        });
    long failed =
        number(
            "SELECT count(*) FROM taskmanagement.task WHERE created_at >= ? AND status = 'FAILED'",
            since);
    if (failed > mayFail) {
      violations.add(
          failed
              + " tasks FAILED ("
              + string(
                  "SELECT string_agg(DISTINCT failure_reason, ' | ') FROM"
                      + " taskmanagement.task WHERE created_at >= ? AND status = 'FAILED'",
                  since)
              + "), the fault may fail "
              + mayFail);
    }
    return Verdict.of(
        violations,
        accepted.size()
            + " accepted, all finished; "
            + failed
            + " FAILED, "
            + refused
            + " submissions refused");
  }

  /**
   * I2: each effect once: a task's transition (event, round, revision), a message that one message
   * caused (type, task, cause) handled by a context (its inbox holds what committed handlers took),
   * and a PRD version per agent result taken.
   */
  Verdict noDuplicateEffect(Timestamp since) throws SQLException {
    List<String> violations = new ArrayList<>();
    long transitions =
        number(
            "SELECT count(*) FROM (SELECT 1 FROM taskmanagement.task_history h JOIN"
                + " taskmanagement.task t ON t.id = h.task_id WHERE t.created_at >= ? GROUP BY"
                + " h.task_id, h.event, h.round, h.revision, h.to_status HAVING count(*) > 1)"
                + " twice",
            since);
    long publications =
        number(
            "SELECT count(*) FROM (SELECT 1 FROM monitoring.event_log p JOIN messaging.inbox i ON"
                + " i.message_id = p.message_id WHERE p.direction = 'PUBLISHED' AND p.outcome ="
                + " 'published' AND p.recorded_at >= ? AND p.causation_id IS NOT NULL GROUP BY"
                + " i.context, p.type, p.correlation_id, p.causation_id HAVING count(DISTINCT"
                + " p.message_id) > 1) twice",
            since);
    long prds =
        number(
            "SELECT count(*) FROM (SELECT r.task_id FROM productdefinition.agent_run r WHERE"
                + " r.finished_at >= ? AND r.outcome = 'PRD' GROUP BY r.task_id HAVING count(*) >"
                + " (SELECT count(*) FROM productdefinition.prd_version v WHERE v.task_id ="
                + " r.task_id)) more",
            since);
    long versions =
        number(
            "SELECT count(*) FROM (SELECT 1 FROM productdefinition.prd_version v JOIN"
                + " taskmanagement.task t ON t.id = v.task_id WHERE t.created_at >= ? GROUP BY"
                + " v.task_id HAVING count(*) > max(t.prd_revision)) more",
            since);
    if (transitions > 0) violations.add(transitions + " transitions recorded twice");
    if (publications > 0)
      violations.add(publications + " effects of one message handled twice by a context");
    if (prds > 0) violations.add(prds + " tasks with more PRD results taken than PRD versions");
    if (versions > 0)
      violations.add(versions + " tasks with more PRD versions than Task Management counted");
    long duplicates =
        number(
            "SELECT count(*) FROM monitoring.event_log WHERE direction = 'CONSUMED' AND outcome ="
                + " 'duplicate' AND recorded_at >= ?",
            since);
    return Verdict.of(
        violations, duplicates + " duplicate deliveries recognised, none took effect");
  }

  /**
   * I3: each policy retry (attempt n failed, attempt n + 1 arrives from the delay queue) came no
   * earlier than the policy's delay after the failure, none went beyond the last attempt (but an
   * event waiting for its task's first, which waits up to the early-event horizon at the last
   * delay), and every failure marked for retry was tried again. A same-numbered redelivery after a
   * failure is the broker's at-least-once answer to a commit whose outcome was lost (the retry was
   * then never scheduled, or scheduled and the redelivery is recognised as a duplicate): counted,
   * not a violation. One message may travel several chains of attempts ({@link RetryChains}).
   */
  Verdict retriesObeyBackoff(Timestamp since) throws SQLException {
    Map<String, List<RetryChains.Line>> byDelivery = new java.util.LinkedHashMap<>();
    try (PreparedStatement query =
        database.prepareStatement(
            "SELECT type || ' ' || message_id || ' on ' || target, attempt, outcome, (extract(epoch"
                + " FROM recorded_at) * 1000000)::bigint, error FROM monitoring.event_log WHERE"
                + " direction = 'CONSUMED' AND recorded_at >= ? ORDER BY message_id, target,"
                + " recorded_at, id")) {
      query.setTimestamp(1, since);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          byDelivery
              .computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
              .add(
                  new RetryChains.Line(
                      rows.getInt(2), rows.getString(3), rows.getLong(4), rows.getString(5)));
        }
      }
    }
    List<String> violations = new ArrayList<>();
    int retries = 0;
    int redeliveries = 0;
    for (Map.Entry<String, List<RetryChains.Line>> delivery : byDelivery.entrySet()) {
      RetryChains.Reading reading = chains.read(delivery.getKey(), delivery.getValue());
      violations.addAll(reading.violations());
      retries += reading.retries();
      redeliveries += reading.redeliveries();
    }
    return Verdict.of(
        violations,
        retries
            + " retries, each after its delay"
            + (redeliveries > 0
                ? "; " + redeliveries + " redelivered at once after a commit whose outcome was lost"
                : ""));
  }

  /**
   * I4: the dead letters of the window are exactly the poison messages injected, each with its
   * reason; raw AMQP messages no JMS client can read are parked in {@code refinery.unreadable},
   * nothing else there.
   */
  Verdict deadLettersAreThePoison(
      Timestamp since,
      Set<UUID> poison,
      long parkedBefore,
      int unreadableInjected,
      Map<String, Long> queueDepths)
      throws SQLException {
    List<String> violations = new ArrayList<>();
    if (queueDepths == null) {
      violations.add("the queue depths could not be read from the broker");
      queueDepths = Map.of();
    }
    Set<UUID> dead =
        new TreeSet<>(
            uuids(
                "SELECT message_id FROM messaging.dead_letter WHERE last_failure_at >= ?", since));
    for (UUID id : dead) {
      if (!poison.contains(id)) {
        violations.add(
            "dead letter "
                + id
                + " ("
                + string(
                    "SELECT type || ': ' || exception_message FROM"
                        + " messaging.dead_letter WHERE message_id = ? LIMIT 1",
                    id)
                + ") was not injected");
      }
    }
    poison.stream()
        .filter(id -> !dead.contains(id))
        .forEach(id -> violations.add("poison " + id + " is not a dead letter"));
    long reasonless =
        number(
            "SELECT count(*) FROM messaging.dead_letter WHERE last_failure_at >= ? AND"
                + " (btrim(exception_message) = '' OR btrim(exception_class) = '')",
            since);
    if (reasonless > 0) {
      violations.add(reasonless + " dead letters without a reason");
    }
    long parked = queueDepths.getOrDefault("refinery.unreadable", 0L) - parkedBefore;
    if (parked != unreadableInjected) {
      violations.add(
          parked + " messages parked in refinery.unreadable, " + unreadableInjected + " injected");
    }
    return Verdict.of(
        violations,
        dead.size()
            + " dead letters = the poison injected"
            + (unreadableInjected > 0 ? ", " + parked + " unreadable parked" : ""));
  }

  /**
   * I5: no lease stayed expired longer than a poll interval and a tick past it (the watch samples
   * all along), and every late result refused belongs to a task whose later claim's result was
   * taken.
   */
  Verdict stalledWorkReclaimed(StallWatch watch, Duration allowed, Timestamp since)
      throws SQLException {
    List<String> violations = new ArrayList<>();
    if (watch.worstOverdue().compareTo(allowed) > 0) {
      violations.add(
          "a lease stayed expired for "
              + watch.worstOverdue().toMillis()
              + " ms (allowed "
              + allowed.toMillis()
              + " ms): task "
              + watch.worstTask()
              + "; its agent runs: "
              + runs(watch.worstTask())
              + "; "
              + (watch.stall() == null ? "" : watch.stall() + " (thread dumps in faults/stalls)"));
    }
    for (UUID task :
        uuids(
            "SELECT r.task_id FROM productdefinition.agent_run r WHERE r.finished_at >= ? AND"
                + " r.outcome = 'REFUSED' AND NOT EXISTS (SELECT 1 FROM productdefinition.agent_run"
                + " a WHERE a.task_id = r.task_id AND a.outcome IN ('PRD', 'CLARIFY') AND a.attempt"
                + " > r.attempt)",
            since)) {
      violations.add(
          "task " + task + ": a late result was refused but no later claim's result was taken");
    }
    long refused =
        number(
            "SELECT count(*) FROM productdefinition.agent_run WHERE finished_at >= ? AND outcome ="
                + " 'REFUSED'",
            since);
    long reclaimed =
        number(
            "SELECT count(*) FROM monitoring.alert WHERE raised_at >= ? AND kind ="
                + " 'agent-lease-expired'",
            since);
    return Verdict.of(
        violations,
        reclaimed
            + " leases reclaimed (worst "
            + watch.worstOverdue().toMillis()
            + " ms past expiry), "
            + refused
            + " late results refused");
  }

  /** I6: no transition out of a terminal state, and nothing recorded after one. */
  Verdict noTransitionFromTerminal(Timestamp since) throws SQLException {
    List<String> violations = new ArrayList<>();
    for (UUID task :
        uuids(
            "SELECT DISTINCT h.task_id FROM taskmanagement.task_history h JOIN taskmanagement.task"
                + " t ON t.id = h.task_id WHERE t.created_at >= ? AND (h.from_status IN "
                + TERMINAL
                + " OR EXISTS (SELECT 1 FROM"
                + " taskmanagement.task_history e WHERE e.task_id = h.task_id AND e.to_status IN "
                + TERMINAL
                + " AND e.id < h.id))",
            since)) {
      violations.add("task " + task + " moved after reaching a terminal state");
    }
    long terminal =
        number(
            "SELECT count(*) FROM taskmanagement.task WHERE created_at >= ? AND status IN "
                + TERMINAL,
            since);
    return Verdict.of(violations, terminal + " terminal tasks stayed where they were");
  }

  /**
   * A task's agent runs, in order: attempt, outcome and when each finished (its lease alerts too).
   */
  private String runs(String task) throws SQLException {
    List<String> runs = new ArrayList<>();
    try (PreparedStatement query =
            prepared(
                "SELECT what || ' at ' || to_char(at, 'HH24:MI:SS.MS') FROM (SELECT 'attempt ' ||"
                    + " attempt || ' ' || outcome AS what, finished_at AS at FROM"
                    + " productdefinition.agent_run WHERE task_id = ?::uuid UNION ALL SELECT 'lease"
                    + " alert', raised_at FROM monitoring.alert WHERE kind = 'agent-lease-expired'"
                    + " AND task_id = ?) runs ORDER BY at",
                task,
                task);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        runs.add(rows.getString(1));
      }
    }
    return runs.isEmpty() ? "none" : String.join(", ", runs);
  }

  /**
   * The outbox rows present now and not sent within {@link #OUTBOX_PROMISE} of being written. A row
   * on its way (the detector's heartbeat, an alert about the killed worker) is not lost: it is
   * given the time the design promises — the lease of a relay that died, then the sweep — and only
   * what is still there after that is reported, with what it is. F2 on 6 December 2026 failed on "1
   * messages still in the outbox" seen once, with no way to tell a stuck row from one written a
   * moment before.
   */
  private List<String> stuckInTheOutbox() throws SQLException {
    List<Long> seen = new ArrayList<>();
    long waitMillis = 0;
    try (PreparedStatement query =
        database.prepareStatement(
            "SELECT id, greatest(0, extract(epoch FROM enqueued_at + make_interval(secs => ?) -"
                + " now()) * 1000) FROM messaging.outbox ORDER BY id")) {
      query.setDouble(1, OUTBOX_PROMISE.toSeconds());
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          seen.add(row.getLong(1));
          waitMillis = Math.max(waitMillis, row.getLong(2));
        }
      }
    }
    long deadline = System.nanoTime() + Duration.ofMillis(waitMillis).toNanos();
    List<String> left = outboxRows(seen);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(500));
      left = outboxRows(seen);
    }
    return left.stream()
        .map(
            row ->
                "still in the outbox "
                    + OUTBOX_PROMISE.toSeconds()
                    + " s after it was written: "
                    + row)
        .toList();
  }

  private List<String> outboxRows(List<Long> ids) throws SQLException {
    List<String> rows = new ArrayList<>();
    if (ids.isEmpty()) {
      return rows;
    }
    try (PreparedStatement query =
        database.prepareStatement(
            "SELECT type, message_id, destination, round(extract(epoch FROM now() - enqueued_at)),"
                + " coalesce(claimed_until > now(), false) FROM messaging.outbox WHERE id = ANY (?)"
                + " ORDER BY id")) {
      query.setArray(1, database.createArrayOf("bigint", ids.toArray()));
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(
              String.format(
                  Locale.ROOT,
                  "%s %s to %s, written %d s ago, %s",
                  row.getString(1),
                  row.getObject(2),
                  row.getString(3),
                  row.getLong(4),
                  row.getBoolean(5) ? "claimed" : "unclaimed"));
        }
      }
    }
    return rows;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the outbox", e);
    }
  }

  long number(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement query = prepared(sql, parameters);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private String string(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement query = prepared(sql, parameters);
        ResultSet row = query.executeQuery()) {
      return row.next() ? row.getString(1) : "?";
    }
  }

  private List<UUID> uuids(String sql, Object... parameters) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement query = prepared(sql, parameters);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        ids.add((UUID) rows.getObject(1));
      }
    }
    return ids;
  }

  private PreparedStatement prepared(String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = database.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      Object parameter = parameters[i];
      if (parameter instanceof Object[] array) {
        statement.setArray(i + 1, database.createArrayOf("uuid", array));
      } else {
        statement.setObject(i + 1, parameter);
      }
    }
    return statement;
  }
}
