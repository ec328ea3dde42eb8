package dev.refinery.shared.infrastructure.persistence;

import dev.refinery.shared.monitoring.EventLog;
import dev.refinery.shared.monitoring.EventLogStore;
import dev.refinery.shared.monitoring.MessageRecord;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code monitoring.event_log} over JDBC: batched appends in their own transaction, and filtered
 * reads.
 */
@Stateless
public class JdbcEventLogStore implements EventLogStore {

  private static final String COLUMNS =
      "id, recorded_at, direction, message_id, type, kind, source, target,"
          + " correlation_id, causation_id, outcome, attempt, duration_us, error";

  @Resource(lookup = "jdbc/refinery")
  DataSource dataSource;

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void append(List<MessageRecord> lines) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO monitoring.event_log (recorded_at, direction, message_id, type, kind,"
                    + " source, target, correlation_id, causation_id, outcome, attempt,"
                    + " duration_us, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (MessageRecord line : lines) {
        insert.setTimestamp(1, Timestamp.from(line.recordedAt()));
        insert.setString(2, line.direction());
        insert.setObject(3, line.messageId());
        insert.setString(4, line.type());
        insert.setString(5, line.kind());
        insert.setString(6, line.source());
        insert.setString(7, line.target());
        insert.setString(8, line.correlationId());
        insert.setObject(9, line.causationId(), Types.OTHER);
        insert.setString(10, line.outcome());
        insert.setInt(11, line.attempt());
        insert.setLong(12, line.durationMicros());
        insert.setString(13, line.error());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("event log append failed: " + e.getMessage(), e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<MessageRecord> find(EventLog.Filter filter, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM monitoring.event_log WHERE true");
    List<Object> values = new ArrayList<>();
    if (filter.correlationId() != null) {
      sql.append(" AND correlation_id = ?");
      values.add(filter.correlationId());
    }
    if (filter.type() != null) {
      sql.append(" AND type = ?");
      values.add(filter.type());
    }
    if (filter.from() != null) {
      sql.append(" AND recorded_at >= ?");
      values.add(Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      sql.append(" AND recorded_at < ?");
      values.add(Timestamp.from(filter.to()));
    }
    // When each thing happened, not when its batch was written: a consumption that completes before
    // the publishing thread has queued its own line (the in-memory adapter delivers on another
    // thread) still comes after the publication it consumed.
    sql.append(" ORDER BY recorded_at, id LIMIT ?");
    values.add(limit);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < values.size(); i++) {
        query.setObject(i + 1, values.get(i));
      }
      try (ResultSet rows = query.executeQuery()) {
        List<MessageRecord> found = new ArrayList<>();
        while (rows.next()) {
          found.add(
              new MessageRecord(
                  rows.getLong("id"),
                  rows.getTimestamp("recorded_at").toInstant(),
                  rows.getString("direction"),
                  rows.getObject("message_id", UUID.class),
                  rows.getString("type"),
                  rows.getString("kind"),
                  rows.getString("source"),
                  rows.getString("target"),
                  rows.getString("correlation_id"),
                  rows.getObject("causation_id", UUID.class),
                  rows.getString("outcome"),
                  rows.getInt("attempt"),
                  rows.getLong("duration_us"),
                  rows.getString("error")));
        }
        return found;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("event log query failed: " + e.getMessage(), e);
    }
  }
}
