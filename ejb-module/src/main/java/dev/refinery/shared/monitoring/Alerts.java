package dev.refinery.shared.monitoring;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Raises and clears alerts, once per condition across every instance (the open alert is a row with
 * a unique key). A change is a WARNING (raised) or INFO (cleared) log line with the task and
 * message ids, {@code refinery_alerts_total{kind,state}}, a JMX notification from {@code
 * dev.refinery:type=Alerts}, and an {@link AlertChanged} CDI event, from which Orchestration
 * publishes AlertRaised / AlertCleared. Runs in the caller's transaction.
 */
@ApplicationScoped
public class Alerts {

  private static final System.Logger LOG = System.getLogger(Alerts.class.getName());

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject Event<AlertChanged> changes;

  @Inject AlertNotifications notifications;

  @Inject MetricRegistry registry;

  @Inject Clock clock;

  @Inject AfterCommit afterCommit;

  /** Raises the alert unless its condition is open already; true when this call raised it. */
  public boolean raise(Alert alert) {
    Timestamp now = Timestamp.from(clock.instant());
    int inserted =
        entityManager
            .createNativeQuery(
                "INSERT INTO monitoring.alert (condition, kind, summary, task_id, message_id,"
                    + " raised_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (condition) WHERE"
                    + " cleared_at IS NULL DO NOTHING")
            .setParameter(1, alert.condition())
            .setParameter(2, alert.kind())
            .setParameter(3, alert.summary())
            .setParameter(4, alert.taskId())
            .setParameter(5, alert.messageId())
            .setParameter(6, now)
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    Alert raised =
        new Alert(
            alert.condition(),
            alert.kind(),
            alert.summary(),
            alert.taskId(),
            alert.messageId(),
            now.toInstant(),
            null);
    afterCommit.run(
        () ->
            LOG.log(
                Level.WARNING,
                "Alert raised: {0} (task {1}, message {2}) [{3}]",
                alert.summary(),
                alert.taskId(),
                alert.messageId(),
                alert.condition()));
    announce(raised, true);
    return true;
  }

  /** Clears the open alert of the condition, if there is one; true when this call cleared it. */
  @SuppressWarnings("unchecked")
  public boolean clear(String condition) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "UPDATE monitoring.alert SET cleared_at = ? WHERE condition = ? AND cleared_at IS"
                    + " NULL RETURNING condition, kind, summary, task_id, message_id, raised_at,"
                    + " cleared_at")
            .setParameter(1, Timestamp.from(clock.instant()))
            .setParameter(2, condition)
            .getResultList();
    if (rows.isEmpty()) {
      return false;
    }
    Alert cleared = alert(rows.getFirst());
    afterCommit.run(
        () ->
            LOG.log(
                Level.INFO,
                "Alert cleared: {0} (task {1}, message {2}) [{3}]",
                cleared.summary(),
                cleared.taskId(),
                cleared.messageId(),
                condition));
    announce(cleared, false);
    return true;
  }

  /**
   * Makes the open alerts of a kind match what a detector sees now: raises the new conditions,
   * clears the ones that ended.
   */
  public void reconcile(String kind, Map<String, Alert> current) {
    current.values().forEach(this::raise);
    open().stream()
        .filter(alert -> alert.kind().equals(kind) && !current.containsKey(alert.condition()))
        .forEach(alert -> clear(alert.condition()));
  }

  @SuppressWarnings("unchecked")
  public List<Alert> open() {
    return ((List<Object[]>)
            entityManager
                .createNativeQuery(
                    "SELECT condition, kind, summary, task_id, message_id, raised_at, cleared_at"
                        + " FROM monitoring.alert WHERE cleared_at IS NULL ORDER BY raised_at")
                .getResultList())
        .stream().map(Alerts::alert).toList();
  }

  @SuppressWarnings("unchecked")
  public List<Alert> recent(int limit) {
    return ((List<Object[]>)
            entityManager
                .createNativeQuery(
                    "SELECT condition, kind, summary, task_id, message_id, raised_at, cleared_at"
                        + " FROM monitoring.alert ORDER BY raised_at DESC LIMIT ?")
                .setParameter(1, limit)
                .getResultList())
        .stream().map(Alerts::alert).toList();
  }

  /**
   * The event goes out in this transaction (Orchestration publishes it); the rest once it commits.
   */
  private void announce(Alert alert, boolean raised) {
    changes.fire(new AlertChanged(alert, raised));
    afterCommit.run(
        () -> {
          registry
              .counter(
                  "refinery.alerts",
                  new Tag("kind", alert.kind()),
                  new Tag("state", raised ? "raised" : "cleared"))
              .inc();
          notifications.send(alert, raised);
        });
  }

  private static Alert alert(Object[] row) {
    return new Alert(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (UUID) row[4],
        instant(row[5]),
        instant(row[6]));
  }
}
