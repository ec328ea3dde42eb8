package dev.refinery.humaninteraction.infrastructure.persistence;

import dev.refinery.humaninteraction.domain.WebhookQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts to make, in {@code humaninteraction.webhook_delivery}; a post given up waits until {@code
 * infinity}.
 */
@ApplicationScoped
public class JpaWebhookQueue implements WebhookQueue {

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  @SuppressWarnings("unchecked")
  public List<UUID> claimDue(int limit, Duration hold) {
    return entityManager
        .createNativeQuery(
            "UPDATE humaninteraction.webhook_delivery SET next_attempt_at = now() +"
                + " make_interval(secs => ?) WHERE notification_id IN (SELECT notification_id FROM"
                + " humaninteraction.webhook_delivery WHERE delivered_at IS NULL AND"
                + " next_attempt_at <= now() LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING"
                + " notification_id")
        .setParameter(1, hold.toSeconds())
        .setParameter(2, limit)
        .getResultList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Pending> pending(UUID notification) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT "
                    + JpaInboxes.NOTIFICATION
                    + ", d.attempts FROM humaninteraction.notification n JOIN"
                    + " humaninteraction.webhook_delivery d ON d.notification_id = n.id WHERE n.id"
                    + " = ?")
            .setParameter(1, notification)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row ->
                new Pending(
                    JpaInboxes.notification(Arrays.copyOf(row, 9)), ((Number) row[9]).intValue()));
  }

  @Override
  public void delivered(UUID notification, int attempts) {
    entityManager
        .createNativeQuery(
            "UPDATE humaninteraction.webhook_delivery SET attempts = ?, delivered_at = now(),"
                + " last_error = NULL WHERE notification_id = ?")
        .setParameter(1, attempts)
        .setParameter(2, notification)
        .executeUpdate();
  }

  @Override
  public void failed(UUID notification, int attempts, String error, Optional<Duration> retryIn) {
    String update =
        "UPDATE humaninteraction.webhook_delivery SET attempts = ?, last_error = ?, next_attempt_at"
            + " = ";
    Query query =
        retryIn.isPresent()
            ? entityManager
                .createNativeQuery(
                    update + "now() + make_interval(secs => ?) WHERE notification_id = ?")
                .setParameter(3, retryIn.get().toSeconds())
                .setParameter(4, notification)
            : entityManager
                .createNativeQuery(update + "'infinity' WHERE notification_id = ?")
                .setParameter(3, notification);
    query.setParameter(1, attempts).setParameter(2, error).executeUpdate();
  }
}
