package dev.refinery.humaninteraction.domain;

import dev.refinery.humaninteraction.api.Notification;
import java.util.List;

/** People's inboxes, in the caller's transaction. Implemented in the EJB module. */
public interface Inboxes {

  /**
   * Adds the notice, and queues it for the webhook when {@code toWebhook}; false when the recipient
   * had it already (same task, kind and step).
   */
  boolean add(Notice notice, boolean toWebhook);

  /** The newest {@code limit} notifications of an inbox, the newest first. */
  List<Notification> of(String recipient, int limit);
}
