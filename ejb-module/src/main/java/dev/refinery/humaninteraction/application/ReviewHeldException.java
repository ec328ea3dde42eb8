package dev.refinery.humaninteraction.application;

import dev.refinery.taskmanagement.api.TaskStatus;
import java.util.UUID;

/** A claim or release that does not fit who holds the review now, which the message names. */
@jakarta.ejb.ApplicationException(rollback = true)
public class ReviewHeldException extends TaskStateConflictException {

  private static final long serialVersionUID = 1L;

  public ReviewHeldException(UUID task, String message) {
    super(TaskStatus.PRD_VALIDATION, "task " + task + ": " + message);
  }
}
