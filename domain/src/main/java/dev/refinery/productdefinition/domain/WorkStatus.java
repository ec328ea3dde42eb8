package dev.refinery.productdefinition.domain;

import dev.refinery.taskmanagement.api.TaskStatus;

/** Where a task's work item stands in the agents' queue. */
public enum WorkStatus {
  /** A person is on the task (answering, reviewing), or its validation has not started. */
  WAITING,
  /** Due for an agent of its pool from its {@code availableAt}. */
  READY,
  /** Leased to an agent until its lease runs out. */
  RUNNING,
  /** The task ended (approved or cancelled): no event brings it back. */
  DONE,
  /** The task failed: only a retry brings it back. */
  FAILED;

  /** What a task in {@code status} leaves its work item as, when no agent is owed work. */
  public static WorkStatus settledBy(TaskStatus status) {
    if (status == TaskStatus.FAILED) {
      return FAILED;
    }
    return status.terminal() ? DONE : WAITING;
  }

  public boolean ended() {
    return this == DONE || this == FAILED;
  }
}
