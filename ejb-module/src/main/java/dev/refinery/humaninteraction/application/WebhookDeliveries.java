package dev.refinery.humaninteraction.application;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.humaninteraction.api.Notification;
import dev.refinery.shared.infrastructure.messaging.RetryPolicy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts notifications to the configured webhook: the notification as JSON, with the time of the post in
 * {@code X-Refinery-Timestamp} (Unix seconds) and HMAC-SHA256 of {@code <timestamp>.<body>} in
 * {@code X-Refinery-Signature: sha256=<hex>}, so a receiver that refuses old timestamps cannot be fed a
 * captured post again. Without a secret nothing is posted (never unsigned). A failed post is tried again
 * after {@code refinery.notifications.webhook-retry-delays}, then given up (the inbox keeps it).
 */
@Stateless
public class WebhookDeliveries {

  public static final String SIGNATURE_HEADER = "X-Refinery-Signature";
  public static final String TIMESTAMP_HEADER = "X-Refinery-Timestamp";
  private static final System.Logger LOG = System.getLogger(WebhookDeliveries.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject
  @ConfigProperty(name = "refinery.notifications.webhook-url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "refinery.notifications.webhook-secret")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "refinery.notifications.webhook-retry-delays")
  String retryDelays;

  /** Whether webhooks are on: a URL and a secret to sign with (a URL alone is refused, loudly). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean enabled() {
    return configured(url, secret);
  }

  /**
   * Whether notifications go to a webhook: only with both a URL and a secret. A URL without a secret is
   * logged as an error (once per instance) and posts nothing: an unsigned post could come from anyone.
   */
  public static boolean configured(Optional<String> url, Optional<String> secret) {
    boolean hasUrl = url.filter(value -> !value.isBlank()).isPresent();
    boolean hasSecret = secret.filter(value -> !value.isBlank()).isPresent();
    if (hasUrl && !hasSecret && UNSIGNED_REFUSED.compareAndSet(false, true)) {
      LOG.log(Level.ERROR, "refinery.notifications.webhook-url is set but refinery.notifications.webhook-secret is"
          + " not: webhooks stay off, nothing is posted unsigned; set a secret to turn them on");
    }
    return hasUrl && hasSecret;
  }

  private static final java.util.concurrent.atomic.AtomicBoolean UNSIGNED_REFUSED =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Claims due posts (for a minute) so instances share them; each is then posted in its own transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  @SuppressWarnings("unchecked")
  public List<UUID> claimDue(int limit) {
    return entityManager.createNativeQuery("UPDATE humaninteraction.webhook_delivery SET next_attempt_at = now() + interval '1 minute'"
            + " WHERE notification_id IN (SELECT notification_id FROM humaninteraction.webhook_delivery"
            + " WHERE delivered_at IS NULL AND next_attempt_at <= now() LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING notification_id")
        .setParameter(1, limit).getResultList();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void deliver(UUID id) {
    Object[] row = (Object[]) entityManager.createNativeQuery("SELECT n.id, n.recipient, n.task_id, n.kind, n.step, n.subject,"
            + " n.body, n.created_at, n.read_at, d.attempts FROM humaninteraction.notification n JOIN"
            + " humaninteraction.webhook_delivery d ON d.notification_id = n.id WHERE n.id = ?")
        .setParameter(1, id).getSingleResult();
    Notification notification = new Notification((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3],
        ((Number) row[4]).intValue(), (String) row[5], (String) row[6], instant(row[7]),
        instant(row[8]));
    int attempt = ((Number) row[9]).intValue() + 1;
    String failure = post(JSONB.toJson(notification));
    if (failure == null) {
      update("attempts = ?, delivered_at = now(), last_error = NULL", attempt, id, null);
      LOG.log(Level.INFO, "Posted notification {0} for task {1} to the webhook", id, notification.taskId());
      return;
    }
    Optional<Duration> next = RetryPolicy.parse(retryDelays).delayAfter(attempt);
    String schedule = next.map(delay -> "next_attempt_at = now() + make_interval(secs => " + delay.toSeconds() + ")")
        .orElse("next_attempt_at = 'infinity'");
    update("attempts = ?, " + schedule + ", last_error = ?", attempt, id, failure);
    LOG.log(Level.WARNING, "Posting notification {0} for task {1} failed (attempt {2}): {3}{4}", id,
        notification.taskId(), attempt, failure, next.isEmpty() ? "; giving up" : "");
  }

  private void update(String assignments, int attempt, UUID id, String error) {
    var query = entityManager.createNativeQuery("UPDATE humaninteraction.webhook_delivery SET " + assignments
        + " WHERE notification_id = ?");
    query.setParameter(1, attempt);
    if (error != null) {
      query.setParameter(2, error).setParameter(3, id);
    } else {
      query.setParameter(2, id);
    }
    query.executeUpdate();
  }

  /** Posts the body; null when the webhook accepted it, else why not. */
  private String post(String body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.orElseThrow()))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
      request.header(TIMESTAMP_HEADER, timestamp)
          .header(SIGNATURE_HEADER, "sha256=" + sign(secret.orElseThrow(), timestamp, body));
      HttpResponse<Void> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
    } catch (IOException | IllegalArgumentException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * HMAC-SHA256 of {@code <timestamp>.<body>} with the secret, in hex: what a receiver computes to check
   * the signature header, after checking the timestamp is recent.
   */
  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
