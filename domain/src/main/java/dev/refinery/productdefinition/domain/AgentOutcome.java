package dev.refinery.productdefinition.domain;

/** How one agent run ended, as recorded in {@code productdefinition.agent_run}. */
public enum AgentOutcome {
  /** The agent asked the requester questions. */
  CLARIFY,
  /** The agent wrote a PRD revision. */
  PRD,
  /** The run failed and the work is tried again later. */
  RETRY,
  /** The run failed for the last time: the task fails. */
  FAILED,
  /** The result came after the lease ran out and the work was claimed again: not taken. */
  REFUSED
}
