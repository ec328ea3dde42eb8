package dev.refinery.rabbitmq;

import java.time.Duration;

/** Reconnect delays: 1 s, doubling after each failure, never more than 30 s. */
final class Backoff {

  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(30);

  private int failures;

  /** The delay before the next attempt, counting this failure. */
  Duration next() {
    int exponent = Math.min(failures++, 5);
    Duration delay = FIRST.multipliedBy(1L << exponent);
    return delay.compareTo(MAX) > 0 ? MAX : delay;
  }

  void reset() {
    failures = 0;
  }

  int failures() {
    return failures;
  }
}
