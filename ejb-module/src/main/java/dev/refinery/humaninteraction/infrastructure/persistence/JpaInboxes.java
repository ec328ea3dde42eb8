package dev.refinery.humaninteraction.infrastructure.persistence;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.humaninteraction.api.Notification;
import dev.refinery.humaninteraction.domain.Inboxes;
import dev.refinery.humaninteraction.domain.Notice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Inboxes in {@code humaninteraction.notification}; posts to make in {@code
 * humaninteraction.webhook_delivery}.
 */
@ApplicationScoped
public class JpaInboxes implements Inboxes {

  /**
   * The columns of a {@link Notification}, in its order, for the notification aliased {@code n}.
   */
  static final String NOTIFICATION =
      "n.id, n.recipient, n.task_id, n.kind, n.step, n.subject, n.body, n.created_at,"
          + " n.read_at";

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public boolean add(Notice notice, boolean toWebhook) {
    UUID id = UUID.randomUUID();
    int added =
        entityManager
            .createNativeQuery(
                "INSERT INTO humaninteraction.notification (id, recipient, task_id, kind, step,"
                    + " subject, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT"
                    + " DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, notice.recipient())
            .setParameter(3, notice.taskId())
            .setParameter(4, notice.kind())
            .setParameter(5, notice.step())
            .setParameter(6, notice.subject())
            .setParameter(7, notice.body())
            .executeUpdate();
    if (added == 1 && toWebhook) {
      entityManager
          .createNativeQuery(
              "INSERT INTO humaninteraction.webhook_delivery (notification_id,"
                  + " next_attempt_at) VALUES (?, now())")
          .setParameter(1, id)
          .executeUpdate();
    }
    return added == 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Notification> of(String recipient, int limit) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT "
                    + NOTIFICATION
                    + " FROM humaninteraction.notification n WHERE n.recipient = ? ORDER BY"
                    + " n.created_at DESC LIMIT ?")
            .setParameter(1, recipient)
            .setParameter(2, limit)
            .getResultList();
    return rows.stream().map(JpaInboxes::notification).toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Notification> ofAny(Set<String> recipients, int limit) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT "
                    + NOTIFICATION
                    + " FROM humaninteraction.notification n WHERE n.recipient IN (:recipients)"
                    + " ORDER BY n.created_at DESC LIMIT :limit")
            .setParameter("recipients", recipients)
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream().map(JpaInboxes::notification).toList();
  }

  @Override
  public long unread(Set<String> recipients) {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM humaninteraction.notification WHERE recipient IN"
                        + " (:recipients) AND read_at IS NULL")
                .setParameter("recipients", recipients)
                .getSingleResult())
        .longValue();
  }

  @Override
  public boolean markRead(UUID id, Set<String> recipients) {
    return entityManager
            .createNativeQuery(
                "UPDATE humaninteraction.notification SET read_at = coalesce(read_at, now())"
                    + " WHERE id = :id AND recipient IN (:recipients)")
            .setParameter("id", id)
            .setParameter("recipients", recipients)
            .executeUpdate()
        == 1;
  }

  @Override
  public int markAllRead(Set<String> recipients) {
    return entityManager
        .createNativeQuery(
            "UPDATE humaninteraction.notification SET read_at = now() WHERE recipient IN"
                + " (:recipients) AND read_at IS NULL")
        .setParameter("recipients", recipients)
        .executeUpdate();
  }

  static Notification notification(Object[] row) {
    return new Notification(
        (UUID) row[0],
        (String) row[1],
        (UUID) row[2],
        (String) row[3],
        ((Number) row[4]).intValue(),
        (String) row[5],
        (String) row[6],
        instant(row[7]),
        instant(row[8]));
  }
}
