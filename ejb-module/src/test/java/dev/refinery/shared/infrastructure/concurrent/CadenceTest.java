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
    assertThatThrownBy(() -> new Cadence(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
  }
}
