package dev.refinery.shared.infrastructure.persistence;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.AlertStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Alerts in {@code monitoring.alert}: a partial unique index on the open condition keeps one open
 * alert per condition, whichever instance raises it.
 */
@ApplicationScoped
public class JpaAlertStore implements AlertStore {

  private static final String COLUMNS =
      "condition, kind, summary, task_id, message_id, raised_at, cleared_at, acknowledged_by,"
          + " acknowledged_at, acknowledgement";

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public Optional<Alert> openUnlessOpen(Alert alert, Instant at) {
    int inserted =
        entityManager
            .createNativeQuery(
                "INSERT INTO monitoring.alert (condition, kind, summary, task_id, message_id,"
                    + " raised_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (condition) WHERE"
                    + " cleared_at IS NULL DO NOTHING")
            .setParameter(1, alert.condition())
            .setParameter(2, alert.kind())
            .setParameter(3, alert.summary())
            .setParameter(4, alert.taskId())
            .setParameter(5, alert.messageId())
            .setParameter(6, Timestamp.from(at))
            .executeUpdate();
    return inserted == 0
        ? Optional.empty()
        : Optional.of(
            new Alert(
                alert.condition(),
                alert.kind(),
                alert.summary(),
                alert.taskId(),
                alert.messageId(),
                at,
                null));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Alert> clear(String condition, Instant at) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "UPDATE monitoring.alert SET cleared_at = ? WHERE condition = ? AND cleared_at IS"
                    + " NULL RETURNING "
                    + COLUMNS)
            .setParameter(1, Timestamp.from(at))
            .setParameter(2, condition)
            .getResultList();
    return rows.stream().findFirst().map(JpaAlertStore::alert);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Alert> acknowledge(String condition, Alert.Acknowledgement acknowledgement) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "UPDATE monitoring.alert SET acknowledged_by = ?, acknowledged_at = ?,"
                    + " acknowledgement = ? WHERE condition = ? AND cleared_at IS NULL RETURNING "
                    + COLUMNS)
            .setParameter(1, acknowledgement.by())
            .setParameter(2, Timestamp.from(acknowledgement.at()))
            .setParameter(3, acknowledgement.note())
            .setParameter(4, condition)
            .getResultList();
    return rows.stream().findFirst().map(JpaAlertStore::alert);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Alert> open() {
    return ((List<Object[]>)
            entityManager
                .createNativeQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM monitoring.alert WHERE cleared_at IS NULL ORDER BY raised_at")
                .getResultList())
        .stream().map(JpaAlertStore::alert).toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Alert> recent(int limit) {
    return ((List<Object[]>)
            entityManager
                .createNativeQuery(
                    "SELECT " + COLUMNS + " FROM monitoring.alert ORDER BY raised_at DESC LIMIT ?")
                .setParameter(1, limit)
                .getResultList())
        .stream().map(JpaAlertStore::alert).toList();
  }

  private static Alert alert(Object[] row) {
    return new Alert(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (UUID) row[4],
        instant(row[5]),
        instant(row[6]),
        row[7] == null
            ? null
            : new Alert.Acknowledgement((String) row[7], instant(row[8]), (String) row[9]));
  }
}
