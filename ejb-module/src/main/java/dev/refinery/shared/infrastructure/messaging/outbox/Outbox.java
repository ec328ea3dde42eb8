package dev.refinery.shared.infrastructure.messaging.outbox;

import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import dev.refinery.shared.infrastructure.messaging.MessageColumns;
import dev.refinery.shared.infrastructure.messaging.MessagingSettings;
import dev.refinery.shared.infrastructure.messaging.Publication;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Appends outgoing messages to {@code messaging.outbox} in the caller's transaction, claimed for
 * this instance's relay for a lease, and hands them to the relay once that transaction commits: the
 * message leaves exactly when the business change is durable, without the relay reading it back.
 * Should this instance die first, another's sweep sends it once the lease has run out. The same
 * transaction deletes the rows the broker has confirmed since the last one did, so that costs no
 * transaction of its own.
 */
@ApplicationScoped
public class Outbox {

  /** The destination column's value for "every subscribing context". */
  public static final String EVERY_SUBSCRIBER = "*";

  private static final String DELETE_CONFIRMED = "DELETE FROM messaging.outbox WHERE id = ANY (?)";
  private static final String APPEND =
      "INSERT INTO messaging.outbox (destination, "
          + MessageColumns.NAMES
          + ", attempt, first_failure_at, last_error, claimed_until) VALUES (?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, now() + make_interval(secs => ?)) RETURNING id";

  @Resource(lookup = "jdbc/refinery")
  DataSource dataSource;

  @Inject AfterCommit afterCommit;

  @Inject OutboxRelay relay;

  @Inject MessagingSettings settings;

  public void append(Publication.Outgoing outgoing) {
    RawMessage message = outgoing.message();
    String destination =
        outgoing.destination().everySubscriber()
            ? EVERY_SUBSCRIBER
            : outgoing.destination().queue();
    long id;
    List<Long> confirmed = relay.takeConfirmed();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(APPEND)) {
      deleteConfirmed(connection, confirmed);
      statement.setString(1, destination);
      int next = MessageColumns.bind(statement, 2, message);
      statement.setInt(next++, message.headers().attempt());
      statement.setTimestamp(next++, MessageColumns.timestamp(message.firstFailureAt()));
      statement.setString(next++, message.lastError());
      statement.setInt(next, settings.relayLeaseSeconds());
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        id = row.getLong(1);
      }
    } catch (SQLException | RuntimeException e) {
      relay.giveBackConfirmed(confirmed);
      throw new IllegalStateException("Could not write " + message.headers() + " to the outbox", e);
    }
    OutboxStore.Pending row = new OutboxStore.Pending(id, destination, message);
    afterCommit.run(() -> relay.publish(row), () -> relay.giveBackConfirmed(confirmed));
  }

  private static void deleteConfirmed(Connection connection, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement(DELETE_CONFIRMED)) {
      delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
      delete.executeUpdate();
    }
  }
}
