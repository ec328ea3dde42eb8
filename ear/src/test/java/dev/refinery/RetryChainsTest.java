package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.RetryChains.Line;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryChainsTest {

  private static final String KEY = "RequestValidationStarted m1 on productdefinition";
  private static final String EARLY =
      "dev.refinery.shared.infrastructure.messaging.deadletter.EarlyEventException: early";

  // the fault suite's policy: 500 ms, 1 s, 2 s, 4 s; an early event first 20 ms, 100 ms, 500 ms
  private final RetryChains chains =
      new RetryChains(
          millis(500, 1_000, 2_000, 4_000), millis(20, 100, 500, 500, 1_000, 2_000, 4_000));

  @Test
  void aRetryThatCameBeforeItsDelayIsAViolation() {
    List<Line> lines = List.of(failed(1, 0, "boom"), arrived(2, 300, "handled"));

    RetryChains.Reading reading = chains.read(KEY, lines);

    assertThat(reading.violations())
        .containsExactly(
            KEY + ": attempt 2 came 300 ms after attempt 1 failed, the policy says 500 ms");
  }

  @Test
  void aRetryAfterItsDelayHolds() {
    List<Line> lines =
        List.of(failed(1, 0, "boom"), failed(2, 600, "boom"), arrived(3, 1_700, "handled"));

    RetryChains.Reading reading = chains.read(KEY, lines);

    assertThat(reading.violations()).isEmpty();
    assertThat(reading.retries()).isEqualTo(2);
  }

  @Test
  void twoCopiesOfOneMessageRetriedOnTheirOwnDelaysHold() {
    // CI's F3: copy A's attempt 6 failed at 0, copy B's at 1,140 ms; A's attempt 7 came 2,000 ms
    // after A's failure, which is 860 ms after B's
    List<Line> lines =
        List.of(
            failed(6, 0, EARLY),
            failed(6, 1_140, EARLY),
            arrived(7, 2_000, "handled"),
            arrived(7, 3_200, "duplicate"));

    RetryChains.Reading reading = chains.read(KEY, lines);

    assertThat(reading.violations()).isEmpty();
    assertThat(reading.retries()).isEqualTo(2);
  }

  @Test
  void twoCopiesCannotHideARetryThatCameTooEarly() {
    List<Line> lines =
        List.of(
            failed(6, 0, EARLY),
            failed(6, 1_140, EARLY),
            arrived(7, 1_500, "handled"),
            arrived(7, 3_200, "duplicate"));

    RetryChains.Reading reading = chains.read(KEY, lines);

    assertThat(reading.violations())
        .containsExactly(
            KEY + ": attempt 7 came 360 ms after attempt 6 failed, the policy says 2000 ms");
  }

  @Test
  void aFailureNoAttemptAnsweredIsAViolationUnlessTheBrokerDeliveredItAgain() {
    assertThat(chains.read(KEY, List.of(failed(1, 0, "boom"))).violations())
        .containsExactly(KEY + " was to be retried after attempt 1 and never was");

    // the failure's commit was lost: the broker delivered attempt 1 again, and no retry was
    // scheduled
    RetryChains.Reading reading =
        chains.read(KEY, List.of(failed(1, 0, "boom"), arrived(1, 50, "handled")));

    assertThat(reading.violations()).isEmpty();
    assertThat(reading.redeliveries()).isEqualTo(1);
  }

  @Test
  void anAttemptBeyondThePolicyIsAViolationButAnEarlyEventMayWaitForItsTask() {
    assertThat(chains.read(KEY, List.of(arrived(6, 0, "dead-lettered"))).violations())
        .containsExactly(KEY + " tried 6 times, the policy allows 5");
    assertThat(
            chains
                .read(KEY, List.of(failed(8, 0, EARLY), arrived(9, 4_000, "handled")))
                .violations())
        .isEmpty();
  }

  private static Line failed(int attempt, long atMillis, String error) {
    return new Line(attempt, "retried", atMillis * 1_000, error);
  }

  private static Line arrived(int attempt, long atMillis, String outcome) {
    return new Line(attempt, outcome, atMillis * 1_000, null);
  }

  private static List<Duration> millis(long... delays) {
    return java.util.Arrays.stream(delays).mapToObj(Duration::ofMillis).toList();
  }
}
