package dev.refinery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Effects written by the test handlers in their own transaction, one row per handled message and
 * context: a duplicate effect shows as two rows with the same message id.
 */
final class Ledger {

  private final DataSource dataSource;

  Ledger(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  void create() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS public.it_effect (context text NOT NULL, message_id uuid NOT"
              + " NULL, correlation_id text NOT NULL, at timestamptz NOT NULL DEFAULT"
              + " clock_timestamp())");
    }
  }

  void write(String context, UUID messageId, String correlationId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO public.it_effect (context, message_id, correlation_id) VALUES (?, ?,"
                    + " ?)")) {
      statement.setString(1, context);
      statement.setObject(2, messageId);
      statement.setString(3, correlationId);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows and distinct (context, message) pairs for a correlation id. */
  long[] count(String correlationId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*), count(DISTINCT (context, message_id)) FROM public.it_effect WHERE"
                    + " correlation_id = ?")) {
      statement.setString(1, correlationId);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return new long[] {row.getLong(1), row.getLong(2)};
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
