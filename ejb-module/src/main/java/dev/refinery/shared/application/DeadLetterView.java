package dev.refinery.shared.application;

import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetterStore;
import dev.refinery.shared.messaging.Headers;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A dead letter as an operator reads it: what it was, where it failed, why, and what became of it.
 */
public record DeadLetterView(
    UUID id,
    String type,
    String kind,
    String taskId,
    String origin,
    String reason,
    boolean retryable,
    int attempts,
    Instant lastFailureAt,
    Headers headers,
    String payload,
    String status,
    String resolvedBy,
    Instant resolvedAt)
    implements Serializable {

  static DeadLetterView of(DeadLetterStore.Stored stored) {
    var letter = stored.deadLetter();
    Headers headers = letter.message().headers();
    return new DeadLetterView(
        letter.id(),
        headers.type(),
        headers.kind().name(),
        headers.correlationId(),
        letter.origin() == null ? "(the broker)" : letter.origin(),
        simpleName(letter.failure().exceptionClass()) + ": " + letter.failure().message(),
        letter.failure().retryable(),
        letter.attempts(),
        letter.lastFailureAt(),
        headers,
        letter.message().body(),
        stored.status(),
        stored.resolvedBy(),
        stored.resolvedAt());
  }

  private static String simpleName(String className) {
    return className == null ? "?" : className.substring(className.lastIndexOf('.') + 1);
  }
}
