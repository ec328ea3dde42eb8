package dev.refinery.shared.infrastructure.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.RetryPolicy;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Headers;
import dev.refinery.shared.messaging.MessageKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

  private static final Instant FIRST_FAILURE = Instant.parse("2026-11-26T09:00:00Z");
  private final FailurePolicy policy =
      new FailurePolicy(
          RetryPolicy.parse("1s,5s"), RetryPolicy.parse("20ms,100ms,1s,5s"), Duration.ofHours(1));
  private final Failure transientFailure = Failure.of(new IllegalStateException("database gone"));
  private final Failure early =
      Failure.of(new EarlyEventException("RequestValidationStarted", "t-1"));

  @Test
  void retriesAfterTheDelayOfTheFailedAttempt() {
    FailurePolicy.Decision decision =
        policy.decide(message(1, null), "refinery.orchestration", transientFailure, FIRST_FAILURE);
    assertThat(decision)
        .isInstanceOfSatisfying(
            FailurePolicy.Retry.class,
            retry -> {
              assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(1));
              assertThat(retry.copy().headers().attempt()).isEqualTo(2);
              assertThat(retry.copy().firstFailureAt()).isEqualTo(FIRST_FAILURE);
            });
  }

  @Test
  void earlyEventIsRetriedWithinMillisecondsFirstThenAtTheOrdinaryDelays() {
    assertThat(
            List.of(1, 2, 3, 4).stream()
                .map(
                    attempt ->
                        policy.decide(
                            message(attempt, FIRST_FAILURE),
                            "refinery.orchestration",
                            early,
                            FIRST_FAILURE))
                .map(decision -> ((FailurePolicy.Retry) decision).delay())
                .toList())
        .containsExactly(
            Duration.ofMillis(20),
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5));
  }

  @Test
  void earlyEventPastTheLastAttemptWaitsOnAtTheLastDelayWithinTheHorizon() {
    Instant failedAt = FIRST_FAILURE.plus(Duration.ofMinutes(59));
    FailurePolicy.Decision decision =
        policy.decide(message(7, FIRST_FAILURE), "refinery.orchestration", early, failedAt);
    assertThat(decision)
        .isInstanceOfSatisfying(
            FailurePolicy.Retry.class,
            retry -> assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(5)));
  }

  @Test
  void earlyEventIsDeadLetteredOnceTheHorizonHasPassed() {
    Instant failedAt = FIRST_FAILURE.plus(Duration.ofMinutes(61));
    assertThat(policy.decide(message(40, FIRST_FAILURE), "refinery.orchestration", early, failedAt))
        .isInstanceOf(FailurePolicy.GiveUp.class);
  }

  @Test
  void otherFailuresAreDeadLetteredAfterTheLastAttempt() {
    assertThat(
            policy.decide(
                message(3, FIRST_FAILURE),
                "refinery.orchestration",
                transientFailure,
                FIRST_FAILURE.plusSeconds(6)))
        .isInstanceOf(FailurePolicy.GiveUp.class);
    assertThat(
            new FailurePolicy(RetryPolicy.parse("1s,5s"))
                .decide(message(3, FIRST_FAILURE), "q", early, FIRST_FAILURE.plusSeconds(6)))
        .as("no horizon")
        .isInstanceOf(FailurePolicy.GiveUp.class);
  }

  private static RawMessage message(int attempt, Instant firstFailure) {
    Headers headers =
        new Headers(
            UUID.randomUUID(),
            "taskmanagement.RequestValidationStarted",
            MessageKind.EVENT,
            "t-1",
            null,
            BoundedContext.TASK_MANAGEMENT,
            FIRST_FAILURE.minusSeconds(1),
            attempt,
            null);
    return new RawMessage(headers, "{}", firstFailure, firstFailure == null ? null : "earlier");
  }
}
