package dev.refinery.shared.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Appends outgoing messages to {@code messaging.outbox} in the caller's transaction, and wakes the relay
 * once that transaction commits: the message leaves exactly when the business change is durable.
 */
@ApplicationScoped
public class Outbox {

  /** The destination column's value for "every subscribing context". */
  static final String EVERY_SUBSCRIBER = "*";

  private static final String APPEND = "INSERT INTO messaging.outbox (destination, " + MessageColumns.NAMES
      + ", attempt, first_failure_at, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Resource(lookup = "jdbc/refinery")
  DataSource dataSource;

  @Inject AfterCommit afterCommit;

  @Inject OutboxRelay relay;

  public void append(Publication.Outgoing outgoing) {
    RawMessage message = outgoing.message();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(APPEND)) {
      statement.setString(1, outgoing.destination().everySubscriber() ? EVERY_SUBSCRIBER : outgoing.destination().queue());
      int next = MessageColumns.bind(statement, 2, message);
      statement.setInt(next++, message.headers().attempt());
      statement.setTimestamp(next++, MessageColumns.timestamp(message.firstFailureAt()));
      statement.setString(next, message.lastError());
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write " + message.headers() + " to the outbox", e);
    }
    afterCommit.run(relay::wake);
  }
}
