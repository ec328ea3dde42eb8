package dev.refinery.shared.infrastructure.messaging.deadletter;

import dev.refinery.shared.infrastructure.messaging.MessageColumns;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Dead letters in {@code messaging.dead_letter}, in the caller's transaction. */
@ApplicationScoped
public class DeadLetterStore {

  /** A dead letter with what became of it. */
  public record Stored(
      DeadLetter deadLetter, String status, String resolvedBy, Instant resolvedAt) {}

  private static final String ADD =
      "INSERT INTO messaging.dead_letter (id, origin, exception_class, exception_message,"
          + " retryable, attempts, first_failure_at, last_failure_at, "
          + MessageColumns.NAMES
          + ")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT * FROM messaging.dead_letter ";
  private static final String RESOLVE =
      "UPDATE messaging.dead_letter SET status = ?, resolved_by = ?,"
          + " resolved_at = now() WHERE id = ? AND status = 'DEAD'";

  @Resource(lookup = "jdbc/refinery")
  DataSource dataSource;

  public void add(DeadLetter letter) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(ADD)) {
      statement.setObject(1, letter.id());
      statement.setString(2, letter.origin());
      statement.setString(3, letter.failure().exceptionClass());
      statement.setString(4, letter.failure().message());
      statement.setBoolean(5, letter.failure().retryable());
      statement.setInt(6, letter.attempts());
      statement.setTimestamp(7, Timestamp.from(letter.firstFailureAt()));
      statement.setTimestamp(8, Timestamp.from(letter.lastFailureAt()));
      MessageColumns.bind(statement, 9, letter.message());
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Keeping dead letter for " + letter.message().headers() + " failed", e);
    }
  }

  public Optional<Stored> find(UUID id) {
    return query(SELECT + "WHERE id = ?", id).stream().findFirst();
  }

  public List<Stored> byCorrelation(String correlationId) {
    return query(SELECT + "WHERE correlation_id = ? ORDER BY last_failure_at", correlationId);
  }

  /** The dead letters nobody resolved yet, the newest first. */
  public List<Stored> open(int limit) {
    return query(SELECT + "WHERE status = 'DEAD' ORDER BY last_failure_at DESC LIMIT ?", limit);
  }

  public long countOpen() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM messaging.dead_letter WHERE status = 'DEAD'");
        ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Counting dead letters failed", e);
    }
  }

  /** Marks a dead letter replayed or discarded; false when it was not open any more. */
  public boolean resolve(UUID id, String status, String actor) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(RESOLVE)) {
      statement.setString(1, status);
      statement.setString(2, actor);
      statement.setObject(3, id);
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Resolving dead letter " + id + " failed", e);
    }
  }

  private List<Stored> query(String sql, Object parameter) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, parameter);
      List<Stored> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(read(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("Reading dead letters failed", e);
    }
  }

  private static Stored read(ResultSet row) throws SQLException {
    Instant firstFailure = MessageColumns.instant(row, "first_failure_at");
    Failure failure =
        new Failure(
            row.getBoolean("retryable"),
            row.getString("exception_class"),
            row.getString("exception_message"));
    RawMessage message =
        MessageColumns.read(row, row.getInt("attempts"), firstFailure, failure.toString());
    DeadLetter letter =
        new DeadLetter(
            row.getObject("id", UUID.class),
            message,
            row.getString("origin"),
            failure,
            row.getInt("attempts"),
            firstFailure,
            MessageColumns.instant(row, "last_failure_at"));
    return new Stored(
        letter,
        row.getString("status"),
        row.getString("resolved_by"),
        MessageColumns.instant(row, "resolved_at"));
  }
}
