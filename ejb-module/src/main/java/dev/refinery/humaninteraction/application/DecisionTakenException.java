package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.domain.StepDecision;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Someone decided on the task's step first: the loser of the race is told who, what and when, and
 * their decision is not sent.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class DecisionTakenException extends TaskStateConflictException {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final String decidedBy;

  public DecisionTakenException(
      UUID task, TaskStatus status, StepDecision first, String by, String yours) {
    super(status, told(task, first, by, yours));
    this.decidedBy = first.by();
  }

  private static String told(UUID task, StepDecision first, String by, String yours) {
    String what = first.kind().told() + " of task " + task + " at " + AT.format(first.at());
    return first.by().equals(by)
        ? "you " + what + " already: this " + yours + " was not sent"
        : first.by() + " " + what + ", before you: your " + yours + " was not sent";
  }

  /** Who decided first. */
  public String decidedBy() {
    return decidedBy;
  }
}
