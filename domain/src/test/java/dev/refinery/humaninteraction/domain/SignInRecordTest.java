package dev.refinery.humaninteraction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Given a person's failed sign-ins in a row, when another fails or one succeeds, then the lockout.
 */
class SignInRecordTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final int LOCKOUT_AFTER = 3;

  @Test
  void theFailureThatReachesTheLimitLocksThePersonOut() {
    SignInRecord two = new SignInRecord(2, null);

    SignInRecord three = two.failed(LOCKOUT_AFTER, NOW);

    assertThat(three).isEqualTo(new SignInRecord(3, NOW));
    assertThat(three.justLockedOutBy(two)).isTrue();
  }

  @Test
  void failuresBelowTheLimitOnlyCount() {
    SignInRecord one = new SignInRecord(0, null).failed(LOCKOUT_AFTER, NOW);

    assertThat(one).isEqualTo(new SignInRecord(1, null));
    assertThat(one.locked()).isFalse();
  }

  @Test
  void furtherFailuresKeepTheFirstLockoutTime() {
    SignInRecord locked = new SignInRecord(3, NOW);

    SignInRecord four = locked.failed(LOCKOUT_AFTER, NOW.plusSeconds(60));

    assertThat(four).isEqualTo(new SignInRecord(4, NOW));
    assertThat(four.justLockedOutBy(locked)).isFalse();
  }

  @Test
  void aSuccessStartsTheCountAgainButDoesNotLiftALockout() {
    assertThat(new SignInRecord(2, null).succeeded()).isEqualTo(new SignInRecord(0, null));
    assertThat(new SignInRecord(3, NOW).succeeded().locked()).isTrue();
  }
}
