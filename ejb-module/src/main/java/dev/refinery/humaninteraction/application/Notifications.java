package dev.refinery.humaninteraction.application;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Notification;
import dev.refinery.humaninteraction.api.NotifyApprovers;
import dev.refinery.humaninteraction.api.NotifyRequester;
import dev.refinery.humaninteraction.api.Remind;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.logging.LogText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * People's inboxes: one notification per clarification round for the requester, one per PRD revision for
 * the approvers (the {@value #APPROVERS} inbox). A repeated command adds nothing. With a webhook
 * configured each notification is also posted there (see {@code WebhookDeliveries}).
 */
@ApplicationScoped
public class Notifications {

  /** The inbox every approver reads until people sign in (the console issue). */
  public static final String APPROVERS = "approvers";

  /** The most notifications one read of an inbox returns. */
  public static final int MAX_INBOX = 500;

  private static final System.Logger LOG = System.getLogger(Notifications.class.getName());

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject
  @ConfigProperty(name = "refinery.sla.escalate-to", defaultValue = "operators")
  String escalations;

  @Inject
  @ConfigProperty(name = "refinery.notifications.webhook-url")
  Optional<String> webhook;

  @Inject
  @ConfigProperty(name = "refinery.notifications.webhook-secret")
  Optional<String> webhookSecret;

  /** Whether a name is a shared inbox (the approvers', the escalations'): nobody may take it as a username. */
  public boolean sharedInbox(String name) {
    return APPROVERS.equals(name) || escalations.equals(name);
  }

  /** The requester of a task that waits for their answers to a clarification round. */
  public void requester(UUID task, int round, String requester, String title) {
    add(requester, task, "CLARIFICATION", round, "Questions about your request \"" + title + "\"",
        "Round " + round + ": the product manager needs your answers before it writes the PRD."
            + " Answer them in the console, or with POST /api/tasks/" + task + "/answers.");
  }

  /** The approvers, of a PRD revision that waits for review. */
  public void approvers(UUID task, int revision, String requester, String title) {
    add(APPROVERS, task, "PRD_REVIEW", revision, "PRD revision " + revision + " of \"" + title + "\" waits for review",
        "Requested by " + requester + ". Approve it, or reject it with a reason, in the console or with"
            + " POST /api/tasks/" + task + "/approval or /rejection.");
  }

  /** The command an older Orchestration sends (accepted while such an instance still runs). */
  public void requester(NotifyRequester command) {
    requester(UUID.fromString(command.taskId()), command.round(), command.requester(), command.title());
  }

  /** The command an older Orchestration sends (accepted while such an instance still runs). */
  public void approvers(NotifyApprovers command) {
    approvers(UUID.fromString(command.taskId()), command.revision(), command.requester(), command.title());
  }

  /** A service-level step: a REMINDER to whoever the task waits on, or an ESCALATION to another role. */
  public void remind(Remind command) {
    boolean reminder = "REMINDER".equals(command.step());
    String waiting = "CLARIFICATION_NEEDED".equals(command.waitingFor()) ? "answers to the questions about"
        : "a review of PRD revision " + command.episode() + " of";
    String ladder = "CLARIFICATION_NEEDED".equals(command.waitingFor()) ? "CLARIFICATION_" : "REVIEW_";
    add(command.recipient(), UUID.fromString(command.taskId()), ladder + command.step(), command.episode(),
        (reminder ? "Reminder: " : "Escalation: ") + "\"" + command.title() + "\" is waiting",
        (reminder ? "The task still waits for " : "Nobody has acted yet: the task waits for ") + waiting + " \""
            + command.title() + "\" (" + command.waitingFor() + ", step " + command.episode() + ").");
  }

  /**
   * An inbox, for who may read it: a person reads their own; the approvers' inbox belongs to APPROVERs, the
   * escalation inbox ({@code refinery.sla.escalate-to}) to OPERATORs; an ADMIN reads any.
   */
  public List<Notification> inbox(Caller caller, String recipient, int limit) {
    boolean allowed = caller.isAdmin() || caller.name().equals(recipient)
        || (APPROVERS.equals(recipient) && caller.has(Role.APPROVER))
        || (escalations.equals(recipient) && caller.has(Role.OPERATOR));
    if (!allowed) {
      throw new NotPermittedException(caller.name() + " may not read the inbox of '" + recipient + "': a person reads"
          + " their own, APPROVERs read '" + APPROVERS + "', OPERATORs read '" + escalations + "'");
    }
    return inbox(recipient, limit);
  }

  /** Any inbox, for the application's own use (no caller to check). */
  @SuppressWarnings("unchecked")
  public List<Notification> inbox(String recipient, int limit) {
    List<Object[]> rows = entityManager.createNativeQuery("SELECT id, recipient, task_id, kind, step, subject, body,"
            + " created_at, read_at FROM humaninteraction.notification WHERE recipient = ? ORDER BY created_at DESC LIMIT ?")
        .setParameter(1, recipient).setParameter(2, Math.clamp(limit, 1, MAX_INBOX)).getResultList();
    return rows.stream().map(row -> new Notification((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3],
        ((Number) row[4]).intValue(), (String) row[5], (String) row[6], instant(row[7]), instant(row[8]))).toList();
  }

  private void add(String recipient, UUID task, String kind, int step, String subject, String body) {
    UUID id = UUID.randomUUID();
    int added = entityManager.createNativeQuery("INSERT INTO humaninteraction.notification (id, recipient, task_id,"
            + " kind, step, subject, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING")
        .setParameter(1, id).setParameter(2, recipient).setParameter(3, task).setParameter(4, kind)
        .setParameter(5, step).setParameter(6, subject).setParameter(7, body)
        .executeUpdate();
    if (added == 0) {
      LOG.log(Level.INFO, "{0} was already notified of {1} {2} for task {3}", LogText.escaped(recipient), kind, step, task);
      return;
    }
    if (WebhookDeliveries.configured(webhook, webhookSecret)) {
      entityManager.createNativeQuery("INSERT INTO humaninteraction.webhook_delivery (notification_id, next_attempt_at)"
              + " VALUES (?, now())")
          .setParameter(1, id).executeUpdate();
    }
    LOG.log(Level.INFO, "Notified {0}: {1} {2} for task {3}", LogText.escaped(recipient), kind, step, task);
  }

}
