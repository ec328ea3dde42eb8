package dev.refinery.shared.messaging;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels with every message besides its JSON body.
 *
 * @param messageId unique per message; a retry keeps it, so consumers deduplicate on it
 * @param type the payload type, {@code <context>.<RecordName>}
 * @param correlationId the task (or other subject) every message of one workflow shares
 * @param causationId the message being handled when this one was published, or null
 * @param source the context that published it
 * @param attempt 1 for the first delivery, one more for every retry
 * @param routingKey the publisher's optional routing key, or null
 */
public record Headers(
    UUID messageId,
    String type,
    MessageKind kind,
    String correlationId,
    UUID causationId,
    BoundedContext source,
    Instant occurredAt,
    int attempt,
    String routingKey)
    implements Serializable {

  public Headers {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt starts at 1, not " + attempt);
    }
  }

  public Headers nextAttempt() {
    return new Headers(
        messageId,
        type,
        kind,
        correlationId,
        causationId,
        source,
        occurredAt,
        attempt + 1,
        routingKey);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + type
        + " "
        + messageId
        + " (task "
        + correlationId
        + ", attempt "
        + attempt
        + ")";
  }
}
