package dev.refinery.humaninteraction.domain;

import dev.refinery.humaninteraction.api.Notification;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** People's inboxes, in the caller's transaction. Implemented in the EJB module. */
public interface Inboxes {

  /**
   * Adds the notice, and queues it for the webhook when {@code toWebhook}; false when the recipient
   * had it already (same task, kind and step).
   */
  boolean add(Notice notice, boolean toWebhook);

  /** The newest {@code limit} notifications of an inbox, the newest first. */
  List<Notification> of(String recipient, int limit);

  /** The newest {@code limit} notifications of any of these inboxes, the newest first. */
  List<Notification> ofAny(Set<String> recipients, int limit);

  /** How many notifications of these inboxes nobody has marked read. */
  long unread(Set<String> recipients);

  /** Marks the notification read, if it is in one of these inboxes; false otherwise. */
  boolean markRead(UUID id, Set<String> recipients);

  /** Marks every unread notification of these inboxes read; how many there were. */
  int markAllRead(Set<String> recipients);
}
