package dev.refinery.taskmanagement.domain;

import dev.refinery.shared.messaging.NonRetryable;
import dev.refinery.taskmanagement.api.TaskStatus;

/** A command the task's current state does not allow; trying again will not change that. */
public class IllegalTransitionException extends RuntimeException implements NonRetryable {

  private static final long serialVersionUID = 1L;

  private final TaskStatus status;

  public IllegalTransitionException(TaskId id, TaskStatus status, String command, String detail) {
    super(
        "task "
            + id
            + " is "
            + status
            + (detail.isEmpty() ? "" : " " + detail)
            + "; cannot "
            + command);
    this.status = status;
  }

  public TaskStatus status() {
    return status;
  }
}
