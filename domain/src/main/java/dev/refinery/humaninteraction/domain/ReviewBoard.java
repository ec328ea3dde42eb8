package dev.refinery.humaninteraction.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where Human Interaction keeps who holds which review and the decisions not yet applied, in the
 * caller's transaction. Implemented in the EJB module.
 */
public interface ReviewBoard {

  /** A PRD revision waiting for review, with its hold if someone holds that revision. */
  record Waiting(
      UUID taskId,
      String title,
      String requester,
      int revision,
      Instant since,
      Optional<ReviewHold> hold) {}

  /** Which waiting reviews to list. */
  record Selection(Scope scope, String holder, Instant waitingBefore, boolean newestFirst) {

    /** All of them, those held by {@code holder}, or those nobody holds. */
    public enum Scope {
      ALL,
      HELD_BY,
      UNHELD
    }
  }

  /**
   * The PRD revisions waiting for review (none decided yet), the longest waiting first unless asked
   * otherwise; {@code waitingBefore} keeps those waiting since before it.
   */
  List<Waiting> waiting(Selection selection, int limit);

  Optional<ReviewHold> hold(UUID task);

  /** Records the hold, replacing any earlier one of the task. */
  void hold(ReviewHold hold);

  /** Removes the task's hold; false when there was none. */
  boolean release(UUID task);

  Optional<StepDecision> decision(UUID task);

  /** Records the decision, replacing an earlier one of the task. */
  void decided(StepDecision decision);

  /** The task moved on: its decisions are applied (a lasting one stays). */
  void stepMoved(UUID task);
}
