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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

  private static final String OVERDUE =
      "SELECT quote_ident(schemaname) || '.' || quote_ident(relname) FROM pg_stat_user_tables"
          + " WHERE current_setting('autovacuum') = 'off' AND schemaname = ANY (?) AND (n_dead_tup"
          + " > 50 + 0.2 * n_live_tup OR n_mod_since_analyze > 50 + 0.1 * n_live_tup)"
          + " ORDER BY n_dead_tup DESC";

  /** What {@link #OVERDUE} returns for Refinery's own (lower-case, unquoted) names. */
  private static final Pattern TABLE_NAME = Pattern.compile("[a-z_]+\\.[a-z_]+");

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

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<String> overdueForVacuum() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(OVERDUE)) {
      query.setArray(
          1, connection.createArrayOf("text", SchemaMigrator.SCHEMAS.toArray(String[]::new)));
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      return tables;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not read which tables need a vacuum: " + e.getMessage(), e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void vacuum(String table) {
    if (!TABLE_NAME.matcher(table).matches()) {
      throw new IllegalArgumentException("not a table of Refinery's schemas: " + table);
    }
    try (Connection connection = dataSource.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true); // VACUUM runs outside a transaction block
      statement.execute("VACUUM (ANALYZE, SKIP_LOCKED) " + table);
    } catch (SQLException e) {
      throw new IllegalStateException("could not vacuum " + table + ": " + e.getMessage(), e);
    }
  }
}
