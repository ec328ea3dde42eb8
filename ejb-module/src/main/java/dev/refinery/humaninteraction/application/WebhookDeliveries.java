package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.domain.WebhookEndpoint;
import dev.refinery.humaninteraction.domain.WebhookQueue;
import dev.refinery.shared.infrastructure.messaging.RetryPolicy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts notifications to the configured webhook, signed (see the {@link WebhookEndpoint} adapter).
 * Without a secret nothing is posted (never unsigned). A failed post is tried again after {@code
 * refinery.notifications.webhook-retry-delays}, then given up (the inbox keeps it).
 */
@Stateless
public class WebhookDeliveries {

  private static final System.Logger LOG = System.getLogger(WebhookDeliveries.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final AtomicBoolean UNSIGNED_REFUSED = new AtomicBoolean();

  /** How long a claimed post is held for the instance that claimed it. */
  private static final Duration HOLD = Duration.ofMinutes(1);

  @Inject WebhookQueue deliveries;

  @Inject WebhookEndpoint endpoint;

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
   * Whether notifications go to a webhook: only with both a URL and a secret. A URL without a
   * secret is logged as an error (once per instance) and posts nothing: an unsigned post could come
   * from anyone.
   */
  public static boolean configured(Optional<String> url, Optional<String> secret) {
    boolean hasUrl = url.filter(value -> !value.isBlank()).isPresent();
    boolean hasSecret = secret.filter(value -> !value.isBlank()).isPresent();
    if (hasUrl && !hasSecret && UNSIGNED_REFUSED.compareAndSet(false, true)) {
      LOG.log(
          Level.ERROR,
          "refinery.notifications.webhook-url is set but refinery.notifications.webhook-secret is"
              + " not: webhooks stay off, nothing is posted unsigned; set a secret to turn them"
              + " on");
    }
    return hasUrl && hasSecret;
  }

  /**
   * Claims due posts (for a minute) so instances share them; each is then posted in its own
   * transaction.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<UUID> claimDue(int limit) {
    return deliveries.claimDue(limit, HOLD);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void deliver(UUID id) {
    Optional<WebhookQueue.Pending> pending = deliveries.pending(id);
    if (pending.isEmpty()) {
      LOG.log(Level.WARNING, "Notification {0} has no webhook post to make", id);
      return;
    }
    UUID task = pending.get().notification().taskId();
    int attempt = pending.get().attempts() + 1;
    Optional<String> failure =
        endpoint.post(
            url.orElseThrow(), secret.orElseThrow(), JSONB.toJson(pending.get().notification()));
    if (failure.isEmpty()) {
      deliveries.delivered(id, attempt);
      LOG.log(Level.INFO, "Posted notification {0} for task {1} to the webhook", id, task);
      return;
    }
    Optional<Duration> next = RetryPolicy.parse(retryDelays).delayAfter(attempt);
    deliveries.failed(id, attempt, failure.get(), next);
    LOG.log(
        Level.WARNING,
        "Posting notification {0} for task {1} failed (attempt {2}): {3}{4}",
        id,
        task,
        attempt,
        failure.get(),
        next.isEmpty() ? "; giving up" : "");
  }
}
