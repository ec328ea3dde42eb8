package dev.refinery.shared.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

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
  private final Alerts alerts = new Alerts();

  AlertsTest() {
    alerts.clock = clock;
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
