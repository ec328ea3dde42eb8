package dev.refinery.humaninteraction.application;

import dev.refinery.taskmanagement.api.TaskStatus;
import java.util.UUID;

/** The decision does not fit the task's current state, which the message names. */
@jakarta.ejb.ApplicationException(rollback = true)
public class TaskStateConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final TaskStatus status;

  public TaskStateConflictException(UUID task, TaskStatus status, String action) {
    this(status, "task " + task + " is " + status + "; cannot " + action);
  }

  /** A conflict its subclass words itself. */
  protected TaskStateConflictException(TaskStatus status, String message) {
    super(message);
    this.status = status;
  }

  public TaskStatus status() {
    return status;
  }
}
