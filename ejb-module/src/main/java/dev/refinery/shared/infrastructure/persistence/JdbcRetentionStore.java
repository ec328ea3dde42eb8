package dev.refinery.shared.infrastructure.persistence;

import dev.refinery.shared.application.RetentionStore;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Retention over JDBC. Each batch is a transaction of its own that first takes a transaction-level
 * advisory lock for its table (another instance pruning it skips the batch) and says it prunes
 * ({@code refinery.retention = 'prune'}: the event log's and audit trail's append-only triggers let
 * only such a transaction delete).
 */
@Stateless
public class JdbcRetentionStore implements RetentionStore {

  private static final Map<Table, String> TABLES =
      Map.of(
          Table.EVENT_LOG, "monitoring.event_log",
          Table.INBOX, "messaging.inbox",
          Table.AUDIT, "monitoring.audit_entry");

  private static final Map<Table, String> DELETES =
      Map.of(
          Table.EVENT_LOG,
          "DELETE FROM monitoring.event_log WHERE id IN (SELECT id FROM monitoring.event_log"
              + " WHERE recorded_at < ? ORDER BY recorded_at LIMIT ?)",
          Table.INBOX,
          "DELETE FROM messaging.inbox WHERE (context, message_id) IN (SELECT i.context,"
              + " i.message_id FROM messaging.inbox i WHERE i.handled_at < ? AND NOT EXISTS"
              + " (SELECT 1 FROM messaging.dead_letter d WHERE d.message_id = i.message_id AND"
              + " d.status = 'DEAD') ORDER BY i.handled_at LIMIT ?)",
          Table.AUDIT,
          "DELETE FROM monitoring.audit_entry WHERE id IN (SELECT id FROM monitoring.audit_entry"
              + " WHERE recorded_at < ? AND id <= (SELECT coalesce(max(through_id), 0) FROM"
              + " monitoring.audit_export) ORDER BY id LIMIT ?)");

  @Resource(lookup = "jdbc/refinery")
  DataSource dataSource;

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int prune(Table table, Instant before, int batch) {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement lock =
          connection.prepareStatement(
              "SELECT pg_try_advisory_xact_lock(hashtext(?)),"
                  + " set_config('refinery.retention', 'prune', true)")) {
        lock.setString(1, "refinery.retention." + table.label());
        try (ResultSet locked = lock.executeQuery()) {
          if (!locked.next() || !locked.getBoolean(1)) {
            return 0;
          }
        }
      }
      try (PreparedStatement delete = connection.prepareStatement(DELETES.get(table))) {
        delete.setTimestamp(1, Timestamp.from(before));
        delete.setInt(2, batch);
        return delete.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not prune " + table.label() + " before " + before + ": " + e.getMessage(), e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void vacuum(Table table) {
    try (Connection connection = dataSource.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true); // VACUUM runs outside a transaction block
      statement.execute("VACUUM (ANALYZE) " + TABLES.get(table));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not vacuum " + table.label() + ": " + e.getMessage(), e);
    }
  }
}
