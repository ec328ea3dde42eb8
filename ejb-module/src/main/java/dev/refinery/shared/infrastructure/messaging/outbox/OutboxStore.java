package dev.refinery.shared.infrastructure.messaging.outbox;

import dev.refinery.shared.infrastructure.messaging.MessageColumns;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The relay's side of the outbox, each call its own short transaction. Claims are leases: rows
 * another instance holds are skipped, and rows of a relay that died become claimable again after
 * the lease.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

  /** One claimed row. */
  public record Pending(long id, String destination, RawMessage message) {}

  private static final String CLAIM =
      """
      UPDATE messaging.outbox SET claimed_until = now() + make_interval(secs => ?)
      WHERE id IN (SELECT id FROM messaging.outbox
                   WHERE claimed_until IS NULL OR claimed_until < now()
                   ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING *\
      """;
  private static final String DELETE = "DELETE FROM messaging.outbox WHERE id = ANY (?)";
  private static final String RELEASE =
      "UPDATE messaging.outbox SET claimed_until = NULL WHERE id = ANY (?)";
  private static final String BACKLOG = "SELECT count(*) FROM messaging.outbox";

  @Resource(lookup = "jdbc/refinery")
  DataSource dataSource;

  public List<Pending> claim(int limit, int leaseSeconds) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(CLAIM)) {
      statement.setInt(1, leaseSeconds);
      statement.setInt(2, limit);
      List<Pending> claimed = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          RawMessage message =
              MessageColumns.read(
                  rows,
                  rows.getInt("attempt"),
                  MessageColumns.instant(rows, "first_failure_at"),
                  rows.getString("last_error"));
          claimed.add(new Pending(rows.getLong("id"), rows.getString("destination"), message));
        }
      }
      claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
      return claimed;
    } catch (SQLException e) {
      throw new IllegalStateException("Claiming outbox rows failed", e);
    }
  }

  /** Removes rows the broker confirmed. */
  public void sent(Collection<Long> ids) {
    update(DELETE, ids);
  }

  /** Gives rows back at once instead of waiting for their lease to run out. */
  public void release(Collection<Long> ids) {
    update(RELEASE, ids);
  }

  public long backlog() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(BACKLOG);
        ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Counting the outbox failed", e);
    }
  }

  private void update(String sql, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      Array array = connection.createArrayOf("bigint", ids.toArray());
      statement.setArray(1, array);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Updating outbox rows " + ids + " failed", e);
    }
  }
}
