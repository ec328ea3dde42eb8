package dev.refinery.shared.infrastructure.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CadenceTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final Cadence everyFiveSeconds = new Cadence(Duration.ofSeconds(5), now::get);

  @Test
  void isDueAtOnceThenOncePerPeriod() {
    assertThat(everyFiveSeconds.due()).isTrue();
    assertThat(everyFiveSeconds.due()).isFalse();

    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(everyFiveSeconds.due()).isFalse();
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(everyFiveSeconds.due()).isTrue();
    assertThat(everyFiveSeconds.due()).isFalse();
  }

  @Test
  void aLateTickStartsTheNextPeriodFromItself() {
    everyFiveSeconds.due();
    now.addAndGet(Duration.ofSeconds(12).toNanos());
    assertThat(everyFiveSeconds.due()).isTrue();

    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(everyFiveSeconds.due()).as("no catching up on missed periods").isFalse();
  }

  @Test
  void nanoTimeOverflowDoesNotStopIt() {
    now.set(Long.MAX_VALUE - 1_000);
    Cadence cadence = new Cadence(Duration.ofSeconds(1), now::get);
    cadence.due();
    now.addAndGet(Duration.ofSeconds(1).toNanos()); // wraps around to negative
    assertThat(cadence.due()).isTrue();
  }

  @Test
  void refusesAPeriodThatIsNotPositive() {
    assertThatThrownBy(() -> new Cadence(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
  }

  @Test
  void idleRunsDoubleThePeriodUpToEightTimesIt() {
    // given a cadence whose runs find nothing
    everyFiveSeconds.due();
    // when each run reports it found nothing
    everyFiveSeconds.ran(false);
    // then the next run comes after 10 s, then 20 s, then 40 s, and no later than that
    assertThat(dueAfterSeconds()).isEqualTo(10);
    everyFiveSeconds.ran(false);
    assertThat(dueAfterSeconds()).isEqualTo(20);
    everyFiveSeconds.ran(false);
    assertThat(dueAfterSeconds()).isEqualTo(40);
    everyFiveSeconds.ran(false);
    assertThat(dueAfterSeconds()).isEqualTo(40);
    assertThat(everyFiveSeconds.current()).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void aRunThatFoundWorkOrActivityBringsBackTheConfiguredPeriod() {
    // given a cadence backed off to 40 s
    everyFiveSeconds.due();
    for (int i = 0; i < 3; i++) {
      everyFiveSeconds.ran(false);
      dueAfterSeconds();
    }
    // when a run finds work
    everyFiveSeconds.ran(true);
    // then it is due every 5 s again
    assertThat(dueAfterSeconds()).isEqualTo(5);

    for (int i = 0; i < 3; i++) {
      everyFiveSeconds.ran(false);
      dueAfterSeconds();
    }
    everyFiveSeconds.active(); // woken by an event
    assertThat(dueAfterSeconds()).isEqualTo(5);
  }

  /** Ticks each second until the cadence is due; the seconds that took. */
  private int dueAfterSeconds() {
    for (int seconds = 1; seconds <= 100; seconds++) {
      now.addAndGet(Duration.ofSeconds(1).toNanos());
      if (everyFiveSeconds.due()) {
        return seconds;
      }
    }
    throw new AssertionError("not due within 100 s");
  }
}
