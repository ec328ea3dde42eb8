package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Headers;
import dev.refinery.shared.messaging.MessageKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** How a message's headers and body map to the columns the outbox and the dead letters share. */
public final class MessageColumns {

  /** In the order {@link #bind} sets them. */
  public static final String NAMES =
      "message_id, type, kind, correlation_id, causation_id, source, occurred_at, routing_key,"
          + " body";

  public static final int COUNT = 9;

  private MessageColumns() {}

  /** Binds the columns of {@link #NAMES} from {@code first} on; returns the next free index. */
  public static int bind(PreparedStatement statement, int first, RawMessage message)
      throws SQLException {
    Headers headers = message.headers();
    int i = first;
    statement.setObject(i++, headers.messageId());
    statement.setString(i++, headers.type());
    statement.setString(i++, headers.kind().name());
    statement.setString(i++, headers.correlationId());
    statement.setObject(i++, headers.causationId());
    statement.setString(i++, headers.source().name());
    statement.setTimestamp(i++, Timestamp.from(headers.occurredAt()));
    statement.setString(i++, headers.routingKey());
    statement.setString(i++, message.body());
    return i;
  }

  public static RawMessage read(
      ResultSet row, int attempt, Instant firstFailureAt, String lastError) throws SQLException {
    Headers headers =
        new Headers(
            row.getObject("message_id", UUID.class),
            row.getString("type"),
            MessageKind.valueOf(row.getString("kind")),
            row.getString("correlation_id"),
            row.getObject("causation_id", UUID.class),
            BoundedContext.valueOf(row.getString("source")),
            row.getTimestamp("occurred_at").toInstant(),
            attempt,
            row.getString("routing_key"));
    return new RawMessage(headers, row.getString("body"), firstFailureAt, lastError);
  }

  public static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  public static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
