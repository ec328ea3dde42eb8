package dev.refinery.orchestration.domain;

import dev.refinery.taskmanagement.api.TaskStatus;
import java.util.Locale;

/**
 * A service-level ladder for tasks waiting on people: the state it watches, who the task waits on,
 * and what an episode is (each step is taken once per episode).
 */
public enum ServiceLevelLadder {
  /** The requester, once per clarification round. */
  CLARIFICATION(TaskStatus.CLARIFICATION_NEEDED),
  /** The approvers, once per PRD revision. */
  REVIEW(TaskStatus.PRD_VALIDATION);

  /** Who a task in review waits on: the approvers' shared inbox. */
  public static final String APPROVERS = "approvers";

  private final TaskStatus state;

  ServiceLevelLadder(TaskStatus state) {
    this.state = state;
  }

  /** Its name in configuration: {@code refinery.sla.<key>.<step>}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public TaskStatus state() {
    return state;
  }

  /** The round (clarification) or revision (review) the workflow is in. */
  public int episode(Workflow workflow) {
    return this == CLARIFICATION ? workflow.state().round() : workflow.state().revision();
  }

  /** The episode as {@code orchestration.sla_step} keys it: {@code <STATE>#<n>}. */
  public String episodeKey(Workflow workflow) {
    return state.name() + "#" + episode(workflow);
  }

  /**
   * Who a reminder goes to: the requester of a task waiting for answers, the approvers of one in
   * review.
   */
  public String waitingOn(Workflow workflow) {
    return this == CLARIFICATION ? workflow.state().requester() : APPROVERS;
  }
}
