package dev.refinery.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Given failed sign-ins on one instance, when the next attempt comes, then whether it must wait and
 * how long: per username (5 a minute) and per address (20 a minute), over a window that slides.
 */
class SignInThrottleTest {

  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  private static final String GUESSER = "203.0.113.7";
  private static final String NEIGHBOUR = "198.51.100.9";

  private final SignInThrottle throttle = new SignInThrottle();

  SignInThrottleTest() {
    throttle.perUser = 5;
    throttle.perAddress = 20;
    throttle.window = Duration.ofMinutes(1);
    at(Duration.ZERO);
  }

  private void at(Duration sinceStart) {
    throttle.clock = Clock.fixed(T0.plus(sinceStart), ZoneOffset.UTC);
  }

  /** One attempt as the sign-in makes it: asks first, and fails only when not held back. */
  private void failsOnce(String username, String address) {
    assertThat(throttle.wait(username, address)).as(username + " from " + address).isEmpty();
    throttle.failed(username, address);
  }

  @Test
  void oneAddressTryingManyUsernamesWaitsAtTheTwentyFirstOthersDoNot() {
    // given 20 failures from one address, each for another username, one a second
    for (int i = 0; i < 20; i++) {
      at(Duration.ofSeconds(i));
      failsOnce("user" + i, GUESSER);
    }
    at(Duration.ofSeconds(20));

    // then the 21st attempt from that address waits until the oldest failure leaves the minute
    assertThat(throttle.wait("user20", GUESSER))
        .hasValueSatisfying(
            wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)))
        .contains(Duration.ofSeconds(40));
    assertThat(throttle.wait("user0", GUESSER)).isPresent();
    // and the same usernames from another address are not held back (each failed once only)
    for (int i = 0; i < 20; i++) {
      assertThat(throttle.wait("user" + i, NEIGHBOUR)).as("user" + i).isEmpty();
    }
  }

  @Test
  void theWindowSlidesTheAddressTriesAgainOnceItsOldestFailureIsAMinuteOld() {
    for (int i = 0; i < 20; i++) {
      at(Duration.ofSeconds(i));
      throttle.failed("user" + i, GUESSER);
    }

    at(Duration.ofSeconds(59));
    assertThat(throttle.wait("next", GUESSER)).contains(Duration.ofSeconds(1));
    // when the clock passes the minute of the first failure: one more attempt, no more
    at(Duration.ofSeconds(60));
    failsOnce("next", GUESSER);
    assertThat(throttle.wait("another", GUESSER)).contains(Duration.ofSeconds(1));
    // and once every failure is over a minute old, the address is free
    at(Duration.ofSeconds(121));
    assertThat(throttle.wait("another", GUESSER)).isEmpty();
  }

  @Test
  void oneUsernameWaitsAfterFiveFailuresFromAnyAddressesUntilItSignsIn() {
    for (int i = 0; i < 5; i++) {
      at(Duration.ofSeconds(i));
      failsOnce("ana", "192.0.2." + i);
    }

    assertThat(throttle.wait("ana", NEIGHBOUR)).contains(Duration.ofSeconds(56));
    assertThat(throttle.wait("bo", "192.0.2.0")).isEmpty();
    throttle.succeeded("ana");
    assertThat(throttle.wait("ana", NEIGHBOUR)).isEmpty();
  }
}
