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

  /**
   * Open dead letters of one kind, as operators clear them: one message type failing with one
   * exception class; the newest one's reason as the example.
   */
  public record Group(
      String type,
      String exceptionClass,
      long count,
      Instant oldest,
      Instant newest,
      String example) {}

  /** Which open dead letters: each part null for any. */
  public record Filter(
      String type, String exceptionClass, String correlationId, Instant from, Instant to) {

    public static final Filter ANY = new Filter(null, null, null, null, null);
  }

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

  /** The open dead letters by type and exception class, the largest groups first. */
  public List<Group> openGroups() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT type, exception_class, count(*), min(last_failure_at),"
                    + " max(last_failure_at), (array_agg(exception_message ORDER BY"
                    + " last_failure_at DESC))[1] FROM messaging.dead_letter WHERE status = 'DEAD'"
                    + " GROUP BY type, exception_class ORDER BY count(*) DESC, type");
        ResultSet rows = statement.executeQuery()) {
      List<Group> groups = new ArrayList<>();
      while (rows.next()) {
        groups.add(
            new Group(
                rows.getString(1),
                rows.getString(2),
                rows.getLong(3),
                rows.getTimestamp(4).toInstant(),
                rows.getTimestamp(5).toInstant(),
                rows.getString(6)));
      }
      return groups;
    } catch (SQLException e) {
      throw new IllegalStateException("Grouping dead letters failed", e);
    }
  }

  /** A page of the open dead letters the filter takes, the newest first. */
  public List<Stored> open(Filter filter, int offset, int limit) {
    List<Object> values = new ArrayList<>();
    String where = where(filter, values);
    values.add(limit);
    values.add(offset);
    return query(SELECT + where + " ORDER BY last_failure_at DESC, id LIMIT ? OFFSET ?", values);
  }

  public long countOpen(Filter filter) {
    List<Object> values = new ArrayList<>();
    String sql = "SELECT count(*) FROM messaging.dead_letter " + where(filter, values);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Counting dead letters failed", e);
    }
  }

  /**
   * Marks at most {@code limit} open dead letters the filter takes (the oldest first) with the
   * status, and returns them as they were: each is resolved once, whoever else clears the same
   * group at the same time.
   */
  public List<Stored> resolveAll(Filter filter, int limit, String status, String actor) {
    List<Object> values = new ArrayList<>();
    values.add(status);
    values.add(actor);
    String where = where(filter, values);
    values.add(limit);
    return query(
        "UPDATE messaging.dead_letter SET status = ?, resolved_by = ?, resolved_at = now() WHERE"
            + " id IN (SELECT id FROM messaging.dead_letter "
            + where
            + " ORDER BY last_failure_at, id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING *",
        values);
  }

  private static String where(Filter filter, List<Object> values) {
    StringBuilder where = new StringBuilder("WHERE status = 'DEAD'");
    if (filter.type() != null) {
      where.append(" AND type = ?");
      values.add(filter.type());
    }
    if (filter.exceptionClass() != null) {
      where.append(" AND exception_class = ?");
      values.add(filter.exceptionClass());
    }
    if (filter.correlationId() != null) {
      where.append(" AND correlation_id = ?");
      values.add(filter.correlationId());
    }
    if (filter.from() != null) {
      where.append(" AND last_failure_at >= ?");
      values.add(Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      where.append(" AND last_failure_at < ?");
      values.add(Timestamp.from(filter.to()));
    }
    return where.toString();
  }

  private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
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
    return query(sql, List.of(parameter));
  }

  private List<Stored> query(String sql, List<Object> values) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
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
