package dev.refinery.taskmanagement.api;

/** Where a task stands in the refinement workflow. */
public enum TaskStatus {
  NEW,
  REQUEST_VALIDATION,
  CLARIFICATION_NEEDED,
  PRD_VALIDATION,
  PRD_APPROVED,
  FAILED,
  CANCELLED
}
