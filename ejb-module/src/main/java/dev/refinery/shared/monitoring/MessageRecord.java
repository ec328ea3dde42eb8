package dev.refinery.shared.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the event log: a message published, or one consumption of it by a context.
 *
 * @param target the consuming context, or {@code subscribers} for an event as published
 * @param outcome {@code published}, {@code ok}, {@code duplicate}, {@code retried}, {@code
 *     dead-lettered} or {@code failed}
 */
public record MessageRecord(
    long id,
    Instant recordedAt,
    String direction,
    UUID messageId,
    String type,
    String kind,
    String source,
    String target,
    String correlationId,
    UUID causationId,
    String outcome,
    int attempt,
    long durationMicros,
    String error) {

  public static final String PUBLISHED = "PUBLISHED";
  public static final String CONSUMED = "CONSUMED";

  /** The same line, recorded at another time. */
  public MessageRecord at(Instant time) {
    return new MessageRecord(
        id,
        time,
        direction,
        messageId,
        type,
        kind,
        source,
        target,
        correlationId,
        causationId,
        outcome,
        attempt,
        durationMicros,
        error);
  }
}
