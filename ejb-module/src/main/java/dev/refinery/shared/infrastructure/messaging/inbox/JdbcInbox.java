package dev.refinery.shared.infrastructure.messaging.inbox;

import dev.refinery.shared.messaging.BoundedContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The inbox in {@code messaging.inbox}, in the caller's transaction: a second delivery of a message
 * waits on the first's uncommitted row, then finds it and is a duplicate.
 */
@ApplicationScoped
public class JdbcInbox implements Inbox {

  private static final String RECORD =
      "INSERT INTO messaging.inbox (context, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING";

  @Resource(lookup = "jdbc/refinery")
  DataSource dataSource;

  @Override
  public boolean firstDelivery(BoundedContext context, UUID messageId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(RECORD)) {
      statement.setString(1, context.segment());
      statement.setObject(2, messageId);
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Recording message " + messageId + " for " + context.segment() + " failed", e);
    }
  }
}
