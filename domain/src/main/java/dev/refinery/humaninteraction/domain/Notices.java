package dev.refinery.humaninteraction.domain;

import dev.refinery.humaninteraction.api.Remind;
import java.util.UUID;

/**
 * What people are told, and in which inbox: the requester's, the approvers' shared one, an
 * escalation's.
 */
public final class Notices {

  /** The inbox every approver reads. */
  public static final String APPROVERS = "approvers";

  private static final String CLARIFICATION_NEEDED = "CLARIFICATION_NEEDED";

  private Notices() {}

  /** The requester of a task that waits for their answers to a clarification round. */
  public static Notice clarification(UUID task, int round, String requester, String title) {
    return new Notice(
        requester,
        task,
        "CLARIFICATION",
        round,
        "Questions about your request \"" + title + "\"",
        "Round "
            + round
            + ": the product manager needs your answers before it writes the PRD."
            + " Answer them in the console, or with POST /api/tasks/"
            + task
            + "/answers.");
  }

  /** The approvers, of a PRD revision that waits for review. */
  public static Notice review(UUID task, int revision, String requester, String title) {
    return new Notice(
        APPROVERS,
        task,
        "PRD_REVIEW",
        revision,
        "PRD revision " + revision + " of \"" + title + "\" waits for review",
        "Requested by "
            + requester
            + ". Approve it, or reject it with a reason, in the"
            + " console or with POST /api/tasks/"
            + task
            + "/approval or /rejection.");
  }

  /** The approver someone assigned the review of a PRD revision to (not when they claimed it). */
  public static Notice assigned(UUID task, int revision, String assignee, String by, String title) {
    return new Notice(
        assignee,
        task,
        "REVIEW_ASSIGNED",
        revision,
        by + " asked you to review PRD revision " + revision + " of \"" + title + "\"",
        "The review is yours now: approve it, or reject it with a reason, in the console or with"
            + " POST /api/tasks/"
            + task
            + "/approval or /rejection.");
  }

  /**
   * A service-level step: a REMINDER to whoever the task waits on, or an ESCALATION to another
   * inbox.
   */
  public static Notice reminder(Remind command) {
    boolean reminder = "REMINDER".equals(command.step());
    boolean clarification = CLARIFICATION_NEEDED.equals(command.waitingFor());
    String waiting =
        clarification
            ? "answers to the questions about"
            : "a review of PRD revision " + command.episode() + " of";
    String ladder = clarification ? "CLARIFICATION_" : "REVIEW_";
    return new Notice(
        command.recipient(),
        UUID.fromString(command.taskId()),
        ladder + command.step(),
        command.episode(),
        (reminder ? "Reminder: " : "Escalation: ") + "\"" + command.title() + "\" is waiting",
        (reminder ? "The task still waits for " : "Nobody has acted yet: the task waits for ")
            + waiting
            + " \""
            + command.title()
            + "\" ("
            + command.waitingFor()
            + ", step "
            + command.episode()
            + ").");
  }
}
