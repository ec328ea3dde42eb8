package dev.refinery.shared.infrastructure.messaging.deadletter;

import dev.refinery.shared.messaging.BoundedContext;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Why a delivery failed, kept across its rollback in {@code messaging.failed_attempt}: the
 * delivery's own transaction rolls back with the handlers' writes, the broker redelivers the
 * message at once, and the redelivery takes this record to schedule the retry or keep the dead
 * letter.
 */
@Stateless
public class FailedAttempts {

  private static final String RECORD =
      "INSERT INTO messaging.failed_attempt (context, message_id, retryable, exception_class,"
          + " message) VALUES (?, ?, ?, ?, ?) ON CONFLICT (context, message_id) DO UPDATE SET"
          + " retryable = excluded.retryable, exception_class = excluded.exception_class, message ="
          + " excluded.message, failed_at = now()";

  private static final String TAKE =
      "DELETE FROM messaging.failed_attempt WHERE context = ? AND message_id = ?"
          + " RETURNING retryable, exception_class, message";

  @Resource(lookup = "jdbc/refinery")
  DataSource dataSource;

  /** Records the failure in a transaction of its own: the caller's is about to roll back. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(BoundedContext context, UUID messageId, Failure failure) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(RECORD)) {
      statement.setString(1, context.segment());
      statement.setObject(2, messageId);
      statement.setBoolean(3, failure.retryable());
      statement.setString(4, truncated(failure.exceptionClass(), 300));
      statement.setString(5, truncated(failure.message(), 1000));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Recording the failure of message " + messageId + " for " + context.segment() + " failed",
          e);
    }
  }

  /**
   * The failure of this message's previous delivery, if it failed, removed in the caller's
   * transaction.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<Failure> take(BoundedContext context, UUID messageId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(TAKE)) {
      statement.setString(1, context.segment());
      statement.setObject(2, messageId);
      try (ResultSet row = statement.executeQuery()) {
        return row.next()
            ? Optional.of(new Failure(row.getBoolean(1), row.getString(2), row.getString(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Reading the failure of message " + messageId + " for " + context.segment() + " failed",
          e);
    }
  }

  private static String truncated(String text, int max) {
    String value = text == null ? "" : text;
    return value.length() > max ? value.substring(0, max) : value;
  }
}
