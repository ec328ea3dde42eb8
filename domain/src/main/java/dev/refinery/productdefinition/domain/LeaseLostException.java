package dev.refinery.productdefinition.domain;

import java.util.UUID;

/**
 * A result or failure reported under a lease the work item no longer holds (it ran out and was
 * claimed again).
 */
public class LeaseLostException extends IllegalStateException {

  public LeaseLostException(UUID task, long token, WorkStatus status, long currentToken) {
    super(
        "the work item of task "
            + task
            + " is "
            + status
            + " under token "
            + currentToken
            + ", not RUNNING under "
            + token);
  }
}
