package dev.refinery.shared.infrastructure.messaging;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How long to wait before each retry: the n-th delay before attempt n + 1. With {@code
 * 1s,5s,25s,2m} a message is tried five times, then dead-lettered.
 */
public record RetryPolicy(List<Duration> delays) {

  public RetryPolicy {
    delays = List.copyOf(delays);
    if (delays.stream().anyMatch(delay -> delay.isNegative() || delay.isZero())) {
      throw new IllegalArgumentException("retry delays must be positive: " + delays);
    }
  }

  /** Parses {@code 200ms,1s,5s,2m} (or ISO-8601 durations such as {@code PT1S}). */
  public static RetryPolicy parse(String delays) {
    return new RetryPolicy(
        Arrays.stream(delays.split(","))
            .map(String::trim)
            .filter(text -> !text.isEmpty())
            .map(RetryPolicy::duration)
            .toList());
  }

  /**
   * The wait before the attempt after {@code failedAttempt}, or empty when attempts are exhausted.
   */
  public Optional<Duration> delayAfter(int failedAttempt) {
    return failedAttempt <= delays.size()
        ? Optional.of(delays.get(failedAttempt - 1))
        : Optional.empty();
  }

  public int maxAttempts() {
    return delays.size() + 1;
  }

  private static Duration duration(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    try {
      if (lower.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
      }
      return Duration.parse(lower.startsWith("p") ? text : "PT" + text);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "not a duration: '" + text + "' (write 200ms, 1s, 5m or PT1S)", e);
    }
  }
}
