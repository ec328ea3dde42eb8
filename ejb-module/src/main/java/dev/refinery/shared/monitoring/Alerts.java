package dev.refinery.shared.monitoring;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.AuditTrail;
import dev.refinery.shared.application.Permissions;
import dev.refinery.shared.infrastructure.management.RefineryMetric;
import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import dev.refinery.shared.logging.LogText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  @Inject AlertStore store;

  @Inject AuditTrail audit;

  @Inject Event<AlertChanged> changes;

  @Inject AlertNotifications notifications;

  @Inject MetricRegistry registry;

  @Inject Clock clock;

  @Inject AfterCommit afterCommit;

  /** Raises the alert unless its condition is open already; true when this call raised it. */
  public boolean raise(Alert alert) {
    Optional<Alert> raised = store.openUnlessOpen(alert, clock.instant());
    raised.ifPresent(
        opened -> {
          afterCommit.run(
              () ->
                  LOG.log(
                      Level.WARNING,
                      "Alert raised: {0} (task {1}, message {2}) [{3}]",
                      LogText.escaped(opened.summary()),
                      opened.taskId(),
                      opened.messageId(),
                      opened.condition()));
          announce(opened, true);
        });
    return raised.isPresent();
  }

  /** Clears the open alert of the condition, if there is one; true when this call cleared it. */
  public boolean clear(String condition) {
    Optional<Alert> cleared = store.clear(condition, clock.instant());
    cleared.ifPresent(
        closed -> {
          afterCommit.run(
              () ->
                  LOG.log(
                      Level.INFO,
                      "Alert cleared: {0} (task {1}, message {2}) [{3}]",
                      LogText.escaped(closed.summary()),
                      closed.taskId(),
                      closed.messageId(),
                      condition));
          announce(closed, false);
        });
    return cleared.isPresent();
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

  /**
   * An operator (or ADMIN) takes the condition's open alert on, with a note saying what they are
   * doing; audited. The alert stays open until its condition ends (the detector clears it).
   */
  @Transactional
  public Alert acknowledge(String condition, Caller caller, String note) {
    Permissions.require(caller, Role.OPERATOR, "acknowledge an alert");
    String actor = caller.name();
    String text = note == null ? "" : note.strip();
    if (text.isEmpty() || text.length() > Alert.NOTE_MAX) {
      throw new IllegalArgumentException(
          "an acknowledgement needs a note of 1 to " + Alert.NOTE_MAX + " characters");
    }
    Alert acknowledged =
        store
            .acknowledge(condition, new Alert.Acknowledgement(actor, clock.instant(), text))
            .orElseThrow(
                () -> new IllegalArgumentException("no open alert for condition " + condition));
    audit.record(actor, "ALERT_ACKNOWLEDGED", condition, acknowledged.taskId(), text);
    LOG.log(
        Level.INFO,
        "Alert acknowledged by {0}: {1} [{2}]",
        LogText.escaped(actor),
        LogText.escaped(acknowledged.summary()),
        condition);
    return acknowledged;
  }

  public List<Alert> open() {
    return store.open();
  }

  public List<Alert> recent(int limit) {
    return store.recent(limit);
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
                  RefineryMetric.ALERTS.metadata(),
                  new Tag("kind", alert.kind()),
                  new Tag("state", raised ? "raised" : "cleared"))
              .inc();
          notifications.send(alert, raised);
        });
  }
}
