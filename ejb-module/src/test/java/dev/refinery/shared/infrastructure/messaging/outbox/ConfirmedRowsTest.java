package dev.refinery.shared.infrastructure.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConfirmedRowsTest {

  private static final Duration GRACE = Duration.ofMillis(250);
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final ConfirmedRows rows = new ConfirmedRows(nanos::get);

  @Test
  void aTransactionTakesEveryConfirmedRowHoweverYoung() {
    rows.confirmed(List.of(1L, 2L));
    rows.confirmed(List.of(3L));

    assertThat(rows.takeAll()).containsExactly(1L, 2L, 3L);
    assertThat(rows.size()).isZero();
  }

  @Test
  void theRelayTakesOnlyRowsThatWaitedThroughTheGracePeriod() {
    rows.confirmed(List.of(1L, 2L));
    later(Duration.ofMillis(200));
    rows.confirmed(List.of(3L));
    later(Duration.ofMillis(50));

    assertThat(rows.takeWaitingSince(GRACE)).containsExactly(1L, 2L);
    assertThat(rows.takeWaitingSince(GRACE)).isEmpty();
    later(Duration.ofMillis(200));
    assertThat(rows.takeWaitingSince(GRACE)).containsExactly(3L);
  }

  @Test
  void rowsGivenBackAfterARollbackGoWithTheRelaysNextDeleteEvenBehindYoungerOnes() {
    rows.confirmed(List.of(1L, 2L));
    List<Long> taken = rows.takeAll();
    rows.confirmed(List.of(3L));

    rows.giveBack(taken);

    assertThat(rows.takeWaitingSince(GRACE)).containsExactly(1L, 2L);
    assertThat(rows.takeAll()).containsExactly(3L);
  }

  @Test
  void nothingConfirmedNothingTaken() {
    assertThat(rows.takeAll()).isEmpty();
    assertThat(rows.takeWaitingSince(Duration.ZERO)).isEmpty();
  }

  private void later(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
