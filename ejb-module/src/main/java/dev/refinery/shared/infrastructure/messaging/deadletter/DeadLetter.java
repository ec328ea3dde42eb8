package dev.refinery.shared.infrastructure.messaging.deadletter;

import dev.refinery.shared.infrastructure.messaging.RawMessage;
import java.time.Instant;
import java.util.UUID;

/**
 * A message given up on, with why: the exception, whether it could have been retried, the queue it
 * came from (null when the broker dead-lettered it), how many attempts it had and when it failed.
 */
public record DeadLetter(
    UUID id,
    RawMessage message,
    String origin,
    Failure failure,
    int attempts,
    Instant firstFailureAt,
    Instant lastFailureAt) {

  public static DeadLetter of(
      RawMessage message, String origin, Failure failure, Instant failedAt) {
    Instant first = message.firstFailureAt() == null ? failedAt : message.firstFailureAt();
    return new DeadLetter(
        UUID.randomUUID(), message, origin, failure, message.headers().attempt(), first, failedAt);
  }
}
