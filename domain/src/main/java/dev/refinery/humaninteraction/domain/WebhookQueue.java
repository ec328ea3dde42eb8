package dev.refinery.humaninteraction.domain;

import dev.refinery.humaninteraction.api.Notification;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Notifications waiting to be posted to the webhook. Implemented in the EJB module. */
public interface WebhookQueue {

  /** A notification to post, and how many posts of it failed so far. */
  record Pending(Notification notification, int attempts) {}

  /** Claims up to {@code limit} due posts for {@code hold}, so instances share them. */
  List<UUID> claimDue(int limit, Duration hold);

  Optional<Pending> pending(UUID notification);

  void delivered(UUID notification, int attempts);

  /** A failed post: tried again after {@code retryIn}, or never when it is empty. */
  void failed(UUID notification, int attempts, String error, Optional<Duration> retryIn);
}
