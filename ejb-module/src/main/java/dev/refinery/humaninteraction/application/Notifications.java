package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Notification;
import dev.refinery.humaninteraction.api.NotifyApprovers;
import dev.refinery.humaninteraction.api.NotifyRequester;
import dev.refinery.humaninteraction.api.Remind;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.domain.Inboxes;
import dev.refinery.humaninteraction.domain.Notice;
import dev.refinery.humaninteraction.domain.Notices;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.logging.LogText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * People's inboxes: one notification per clarification round for the requester, one per PRD
 * revision for the approvers (the {@value #APPROVERS} inbox). A repeated command adds nothing. With
 * a webhook configured each notification is also posted there (see {@code WebhookDeliveries}).
 */
@ApplicationScoped
public class Notifications {

  /** The inbox every approver reads until people sign in (the console issue). */
  public static final String APPROVERS = Notices.APPROVERS;

  /** The most notifications one read of an inbox returns. */
  public static final int MAX_INBOX = 500;

  private static final System.Logger LOG = System.getLogger(Notifications.class.getName());

  @Inject Inboxes inboxes;

  @Inject
  @ConfigProperty(name = "refinery.sla.escalate-to", defaultValue = "operators")
  String escalations;

  @Inject
  @ConfigProperty(name = "refinery.notifications.webhook-url")
  Optional<String> webhook;

  @Inject
  @ConfigProperty(name = "refinery.notifications.webhook-secret")
  Optional<String> webhookSecret;

  /**
   * Whether a name is a shared inbox (the approvers', the escalations'): nobody may take it as a
   * username.
   */
  public boolean sharedInbox(String name) {
    return APPROVERS.equals(name) || escalations.equals(name);
  }

  /** The requester of a task that waits for their answers to a clarification round. */
  public void requester(UUID task, int round, String requester, String title) {
    add(Notices.clarification(task, round, requester, title));
  }

  /** The approvers, of a PRD revision that waits for review. */
  public void approvers(UUID task, int revision, String requester, String title) {
    add(Notices.review(task, revision, requester, title));
  }

  /** The command an older Orchestration sends (accepted while such an instance still runs). */
  public void requester(NotifyRequester command) {
    requester(
        UUID.fromString(command.taskId()), command.round(), command.requester(), command.title());
  }

  /** The command an older Orchestration sends (accepted while such an instance still runs). */
  public void approvers(NotifyApprovers command) {
    approvers(
        UUID.fromString(command.taskId()),
        command.revision(),
        command.requester(),
        command.title());
  }

  /**
   * A service-level step: a REMINDER to whoever the task waits on, or an ESCALATION to another
   * role.
   */
  public void remind(Remind command) {
    add(Notices.reminder(command));
  }

  /**
   * An inbox, for who may read it: a person reads their own; the approvers' inbox belongs to
   * APPROVERs, the escalation inbox ({@code refinery.sla.escalate-to}) to OPERATORs; an ADMIN reads
   * any.
   */
  public List<Notification> inbox(Caller caller, String recipient, int limit) {
    boolean allowed =
        caller.isAdmin()
            || caller.name().equals(recipient)
            || (APPROVERS.equals(recipient) && caller.has(Role.APPROVER))
            || (escalations.equals(recipient) && caller.has(Role.OPERATOR));
    if (!allowed) {
      throw new NotPermittedException(
          caller.name()
              + " may not read the inbox of '"
              + recipient
              + "': a person reads"
              + " their own, APPROVERs read '"
              + APPROVERS
              + "', OPERATORs read '"
              + escalations
              + "'");
    }
    return inbox(recipient, limit);
  }

  /**
   * The inboxes a person reads: their own, the approvers' when they approve, the escalations' when
   * they operate. A shared inbox's notification is read for everyone in the role once one of them
   * marks it (the console's bell counts what nobody has seen to).
   */
  public Set<String> inboxesOf(Caller caller) {
    Set<String> names = new LinkedHashSet<>();
    names.add(caller.name());
    if (caller.has(Role.APPROVER)) {
      names.add(APPROVERS);
    }
    if (caller.has(Role.OPERATOR)) {
      names.add(escalations);
    }
    return names;
  }

  /** The newest notifications of every inbox the person reads, the newest first. */
  public List<Notification> mine(Caller caller, int limit) {
    return inboxes.ofAny(inboxesOf(caller), Math.clamp(limit, 1, MAX_INBOX));
  }

  /** How many notifications in the person's inboxes are unread. */
  public long unread(Caller caller) {
    return inboxes.unread(inboxesOf(caller));
  }

  /**
   * Marks a notification of one of the person's inboxes read; one in nobody's inbox the person
   * reads is refused the same whether it exists or not.
   */
  @Transactional
  public void markRead(Caller caller, UUID notification) {
    if (!inboxes.markRead(notification, inboxesOf(caller))) {
      throw new NotPermittedException(
          "no notification " + notification + " in the inboxes " + caller.name() + " reads");
    }
  }

  /** Marks everything unread in the person's inboxes read; how many there were. */
  @Transactional
  public int markAllRead(Caller caller) {
    return inboxes.markAllRead(inboxesOf(caller));
  }

  /** Any inbox, for the application's own use (no caller to check). */
  public List<Notification> inbox(String recipient, int limit) {
    return inboxes.of(recipient, Math.clamp(limit, 1, MAX_INBOX));
  }

  /** Adds the notice to its inbox (and the webhook's queue); a repeat adds nothing. */
  void add(Notice notice) {
    if (!inboxes.add(notice, WebhookDeliveries.configured(webhook, webhookSecret))) {
      LOG.log(
          Level.INFO,
          "{0} was already notified of {1} {2} for task {3}",
          LogText.escaped(notice.recipient()),
          notice.kind(),
          notice.step(),
          notice.taskId());
      return;
    }
    LOG.log(
        Level.INFO,
        "Notified {0}: {1} {2} for task {3}",
        LogText.escaped(notice.recipient()),
        notice.kind(),
        notice.step(),
        notice.taskId());
  }
}
