package dev.refinery.humaninteraction.application;

import java.util.UUID;

/** Nobody submitted a task with that id. */
@jakarta.ejb.ApplicationException(rollback = true)
public class NoSuchTaskException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NoSuchTaskException(UUID id) {
    super("no task " + id);
  }
}
