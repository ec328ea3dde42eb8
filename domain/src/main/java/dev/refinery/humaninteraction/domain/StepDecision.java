package dev.refinery.humaninteraction.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The decision a person took on the step a task is at, sent to Task Management and not yet applied
 * (its event has not moved the task on). Whoever decides second on the same step lost a race: they
 * are told at once who decided first, instead of their command failing later, unseen.
 */
public record StepDecision(UUID taskId, Kind kind, String by, Instant at) {

  /** What was decided. */
  public enum Kind {
    ANSWERED("answered the questions"),
    APPROVED("approved the PRD"),
    REJECTED("sent the PRD back"),
    RETRIED("retried the task"),
    CANCELLED("cancelled the task");

    private final String told;

    Kind(String told) {
      this.told = told;
    }

    /** As a person is told it: "approved the PRD". */
    public String told() {
      return told;
    }
  }

  public StepDecision {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }

  /**
   * Whether this decision leaves no room for {@code next} on the same step: any decision precludes
   * another, except that a task can still be cancelled after an answer, a rejection or a retry (it
   * has not ended); nothing follows an approval or a cancellation.
   */
  public boolean precludes(Kind next) {
    return next != Kind.CANCELLED || kind == Kind.APPROVED || kind == Kind.CANCELLED;
  }

  /**
   * Whether it outlives the step it was taken on: an approval or a cancellation ends the task,
   * whatever comes after (a late decision is then refused naming who ended it).
   */
  public boolean lasting() {
    return kind == Kind.APPROVED || kind == Kind.CANCELLED;
  }
}
