package dev.refinery.taskmanagement.api;

import java.util.Set;

/** Where a task stands in the refinement workflow. */
public enum TaskStatus {
  NEW,
  REQUEST_VALIDATION,
  CLARIFICATION_NEEDED,
  PRD_VALIDATION,
  PRD_APPROVED,
  FAILED,
  CANCELLED;

  private static final Set<TaskStatus> ACTIVE =
      Set.of(NEW, REQUEST_VALIDATION, CLARIFICATION_NEEDED, PRD_VALIDATION);

  /** Work is under way: the agents or a person are on it. */
  public boolean active() {
    return ACTIVE.contains(this);
  }

  /** Nothing more happens to the task. */
  public boolean terminal() {
    return this == PRD_APPROVED || this == CANCELLED;
  }
}
