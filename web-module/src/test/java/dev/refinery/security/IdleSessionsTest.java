package dev.refinery.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleSessionsTest {

  private static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);
  private static final long MINUTE = 60_000;

  @Test
  void pollsDoNotKeepAnIdlePersonSignedIn() {
    // given a person who last acted 29 minutes ago, their dashboard polling every 5 s
    long acted = 0;
    // when the polls come; then they change nothing, and the first request past 30 minutes signs
    // them out
    assertThat(IdleSessions.decide(acted, 29 * MINUTE, THIRTY_MINUTES, true))
        .isEqualTo(IdleSessions.Decision.UNCHANGED);
    assertThat(IdleSessions.decide(acted, 31 * MINUTE, THIRTY_MINUTES, true))
        .isEqualTo(IdleSessions.Decision.EXPIRED);
  }

  @Test
  void anythingButAPollIsActivity() {
    assertThat(IdleSessions.decide(0L, 29 * MINUTE, THIRTY_MINUTES, false))
        .isEqualTo(IdleSessions.Decision.ACTIVE);
    assertThat(IdleSessions.decide(0L, 31 * MINUTE, THIRTY_MINUTES, false))
        .isEqualTo(IdleSessions.Decision.EXPIRED);
    assertThat(IdleSessions.decide(null, 0, THIRTY_MINUTES, true))
        .as("the first request of a session")
        .isEqualTo(IdleSessions.Decision.ACTIVE);
  }

  @Test
  void onlyComponentsCalledPollArePolls() {
    assertThat(IdleSignOut.isPoll("poll")).isTrue();
    assertThat(IdleSignOut.isPoll("live:poll")).isTrue();
    assertThat(IdleSignOut.isPoll("approval:approve")).isFalse();
    assertThat(IdleSignOut.isPoll(null)).isFalse();
  }
}
