package dev.refinery.shared.infrastructure.persistence;

import dev.refinery.shared.application.AuditTrail;
import dev.refinery.shared.logging.LogText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/** The audit trail in {@code monitoring.audit_entry}. */
@ApplicationScoped
public class JpaAuditTrail implements AuditTrail {

  private static final System.Logger LOG = System.getLogger(JpaAuditTrail.class.getName());

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject Clock clock;

  /** How old an entry is before an export takes it: longer than any transaction that writes one. */
  static final java.time.Duration SETTLED = java.time.Duration.ofMinutes(1);

  @Override
  public void record(String actor, String action, String subject, String taskId, String detail) {
    entityManager
        .createNativeQuery(
            "INSERT INTO monitoring.audit_entry (recorded_at, actor, action, subject, task_id,"
                + " detail) VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, Timestamp.from(clock.instant()))
        .setParameter(2, actor)
        .setParameter(3, action)
        .setParameter(4, subject)
        .setParameter(5, taskId)
        .setParameter(6, detail)
        .executeUpdate();
    LOG.log(
        Level.INFO,
        "audit: {0} {1} {2}{3}",
        LogText.escaped(actor),
        action,
        LogText.escaped(subject),
        taskId == null ? "" : " (task " + taskId + ")");
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Entry> after(long afterId, int limit) {
    return entries(
        entityManager
            .createNativeQuery(
                "SELECT id, recorded_at, actor, action, subject, task_id, detail FROM"
                    + " monitoring.audit_entry WHERE id > ? AND recorded_at < ? ORDER BY id"
                    + " LIMIT ?")
            .setParameter(1, afterId)
            .setParameter(2, Timestamp.from(clock.instant().minus(SETTLED)))
            .setParameter(3, Math.clamp(limit, 1, 10_000))
            .getResultList());
  }

  @Override
  public long newestId() {
    return ((Number)
            entityManager
                .createNativeQuery("SELECT coalesce(max(id), 0) FROM monitoring.audit_entry")
                .getSingleResult())
        .longValue();
  }

  @Override
  public void markExported(long throughId, String actor) {
    entityManager
        .createNativeQuery(
            "INSERT INTO monitoring.audit_export (recorded_at, actor, through_id) VALUES (?, ?, ?)")
        .setParameter(1, Timestamp.from(clock.instant()))
        .setParameter(2, actor)
        .setParameter(3, throughId)
        .executeUpdate();
  }

  @Override
  public long exportedThrough() {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "SELECT coalesce(max(through_id), 0) FROM monitoring.audit_export")
                .getSingleResult())
        .longValue();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Entry> recent(String actor, String taskId, int limit) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT id, recorded_at, actor, action, subject, task_id, detail FROM"
                    + " monitoring.audit_entry WHERE (CAST(? AS text) IS NULL OR actor = ?) AND"
                    + " (CAST(? AS text) IS NULL OR task_id = ?) ORDER BY id DESC LIMIT ?")
            .setParameter(1, actor)
            .setParameter(2, actor)
            .setParameter(3, taskId)
            .setParameter(4, taskId)
            .setParameter(5, Math.clamp(limit, 1, 1000))
            .getResultList();
    return entries(rows);
  }

  private static List<Entry> entries(List<Object[]> rows) {
    return rows.stream()
        .map(
            row ->
                new Entry(
                    ((Number) row[0]).longValue(),
                    NativeRows.instant(row[1]),
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    (String) row[6]))
        .toList();
  }
}
