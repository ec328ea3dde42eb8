package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.Headers;
import java.time.Instant;

/**
 * A message as it travels: headers, the JSON body, and, once it has failed, when it first failed
 * and why it failed last.
 */
public record RawMessage(Headers headers, String body, Instant firstFailureAt, String lastError) {

  public RawMessage(Headers headers, String body) {
    this(headers, body, null, null);
  }

  /** The copy that goes back for another attempt after this failure. */
  public RawMessage retried(Instant failedAt, String error) {
    return new RawMessage(
        headers.nextAttempt(), body, firstFailureAt == null ? failedAt : firstFailureAt, error);
  }
}
