package dev.refinery.shared.monitoring;

import static dev.refinery.shared.testing.Callers.ADMIN;
import static dev.refinery.shared.testing.Callers.NOT_OPERATORS;
import static dev.refinery.shared.testing.Callers.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.testing.RecordingAuditTrail;
import dev.refinery.shared.testing.SettableClock;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Alerts raised once per condition and cleared once, each change announced in the transaction (the
 * event Orchestration publishes) and nothing else before it commits.
 */
class AlertsTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private final Map<String, Alert> open = new LinkedHashMap<>();
  private final List<String> announced = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final SettableClock clock = new SettableClock(NOW);
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final Alerts alerts = new Alerts();

  AlertsTest() {
    alerts.clock = clock;
    alerts.audit = audit;
    alerts.afterCommit = afterCommit::add; // the transaction never commits here
    alerts.changes = new RecordingEvent();
    alerts.store =
        new AlertStore() {
          @Override
          public Optional<Alert> openUnlessOpen(Alert alert, Instant at) {
            if (open.containsKey(alert.condition())) {
              return Optional.empty();
            }
            Alert raised =
                new Alert(
                    alert.condition(),
                    alert.kind(),
                    alert.summary(),
                    alert.taskId(),
                    alert.messageId(),
                    at,
                    null);
            open.put(alert.condition(), raised);
            return Optional.of(raised);
          }

          @Override
          public Optional<Alert> clear(String condition, Instant at) {
            return Optional.ofNullable(open.remove(condition))
                .map(
                    was ->
                        new Alert(
                            was.condition(),
                            was.kind(),
                            was.summary(),
                            was.taskId(),
                            was.messageId(),
                            was.raisedAt(),
                            at));
          }

          @Override
          public Optional<Alert> acknowledge(
              String condition, Alert.Acknowledgement acknowledgement) {
            return Optional.ofNullable(open.get(condition))
                .map(
                    was ->
                        new Alert(
                            was.condition(),
                            was.kind(),
                            was.summary(),
                            was.taskId(),
                            was.messageId(),
                            was.raisedAt(),
                            null,
                            acknowledgement))
                .map(
                    acknowledged -> {
                      open.put(condition, acknowledged);
                      return acknowledged;
                    });
          }

          @Override
          public List<Alert> open() {
            return List.copyOf(open.values());
          }

          @Override
          public List<Alert> recent(int limit) {
            return List.copyOf(open.values());
          }
        };
  }

  private static Alert stalled(String task) {
    return Alert.of("stalled:" + task, "stalled", task + " waits", task, null);
  }

  @Test
  void aConditionIsRaisedOnceHoweverOftenItIsSeen() {
    assertThat(alerts.raise(stalled("t1"))).isTrue();
    assertThat(alerts.raise(stalled("t1"))).isFalse();

    assertThat(announced).containsExactly("raised stalled:t1 at " + NOW);
    assertThat(afterCommit).as("log line, metric and notifications wait for the commit").hasSize(2);
  }

  @Test
  void aClearedConditionIsAnnouncedOnceWithItsTimeAndCanBeRaisedAgain() {
    alerts.raise(stalled("t1"));
    clock.pass(Duration.ofMinutes(2));

    assertThat(alerts.clear("stalled:t1")).isTrue();
    assertThat(alerts.clear("stalled:t1")).isFalse();
    assertThat(alerts.raise(stalled("t1"))).isTrue();

    assertThat(announced)
        .containsExactly(
            "raised stalled:t1 at " + NOW,
            "cleared stalled:t1 at " + NOW.plusSeconds(120),
            "raised stalled:t1 at " + NOW.plusSeconds(120));
  }

  @Test
  void reconcilingAKindRaisesWhatIsNewAndClearsOnlyWhatOfThatKindEnded() {
    alerts.raise(stalled("t1"));
    alerts.raise(stalled("t2"));
    alerts.raise(Alert.of("dead-letters", "dead-letters", "1 dead letter", null, null));
    announced.clear();

    alerts.reconcile("stalled", Map.of("stalled:t2", stalled("t2"), "stalled:t3", stalled("t3")));

    assertThat(announced)
        .containsExactlyInAnyOrder("raised stalled:t3 at " + NOW, "cleared stalled:t1 at " + NOW);
    assertThat(alerts.open())
        .extracting(Alert::condition)
        .containsExactlyInAnyOrder("stalled:t2", "stalled:t3", "dead-letters");
  }

  @Test
  void anOperatorAcknowledgesAnOpenAlertWithANoteWhichIsAudited() {
    alerts.raise(stalled("t1"));
    clock.pass(Duration.ofMinutes(1));

    Alert acknowledged = alerts.acknowledge("stalled:t1", OPERATOR, "  restarting the worker ");

    assertThat(acknowledged.acknowledged())
        .isEqualTo(new Alert.Acknowledgement("opal", NOW.plusSeconds(60), "restarting the worker"));
    assertThat(acknowledged.open()).as("still open until its condition ends").isTrue();
    assertThat(alerts.open()).singleElement().extracting(Alert::acknowledged).isNotNull();
    assertThat(audit.entries())
        .containsExactly("opal ALERT_ACKNOWLEDGED stalled:t1: restarting the worker");
  }

  @Test
  void anAcknowledgementNeedsANoteAndAnOpenAlert() {
    alerts.raise(stalled("t1"));

    assertThatThrownBy(() -> alerts.acknowledge("stalled:t1", OPERATOR, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a note");
    assertThatThrownBy(() -> alerts.acknowledge("stalled:t1", OPERATOR, "x".repeat(1001)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> alerts.acknowledge("stalled:t9", OPERATOR, "on it"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no open alert for condition stalled:t9");
    assertThat(audit.entries()).isEmpty();
  }

  @Test
  void anAdminAcknowledgesAndIsNamed() {
    alerts.raise(stalled("t1"));

    Alert acknowledged = alerts.acknowledge("stalled:t1", ADMIN, "on it");

    assertThat(acknowledged.acknowledged().by()).isEqualTo("ada");
    assertThat(audit.entries()).containsExactly("ada ALERT_ACKNOWLEDGED stalled:t1: on it");
  }

  @Test
  void whoIsNeitherOperatorNorAdminIsRefusedByNameAndTheAlertStaysUnacknowledged() {
    alerts.raise(stalled("t1"));

    for (Caller refused : NOT_OPERATORS) {
      assertThatThrownBy(() -> alerts.acknowledge("stalled:t1", refused, "on it"))
          .isInstanceOf(NotPermittedException.class)
          .hasMessage(refused.name() + " may not acknowledge an alert: it needs the role OPERATOR");
    }

    assertThat(alerts.open()).singleElement().extracting(Alert::acknowledged).isNull();
    assertThat(audit.entries()).isEmpty();
  }

  /** The CDI event, as the alerts fire it: recorded, not delivered. */
  private final class RecordingEvent implements Event<AlertChanged> {

    @Override
    public void fire(AlertChanged change) {
      Alert alert = change.alert();
      announced.add(
          change.raised()
              ? "raised " + alert.condition() + " at " + alert.raisedAt()
              : "cleared " + alert.condition() + " at " + alert.clearedAt());
    }

    @Override
    public <U extends AlertChanged> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException("alerts fire synchronously");
    }

    @Override
    public <U extends AlertChanged> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException("alerts fire synchronously");
    }

    @Override
    public Event<AlertChanged> select(Annotation... qualifiers) {
      throw new UnsupportedOperationException("alerts use no qualifier");
    }

    @Override
    public <U extends AlertChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException("alerts use no qualifier");
    }

    @Override
    public <U extends AlertChanged> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException("alerts use no qualifier");
    }
  }
}
