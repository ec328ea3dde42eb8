package dev.refinery.shared.application;

import java.util.UUID;

/** No dead letter has that id. */
@jakarta.ejb.ApplicationException(rollback = true)
public class NoSuchDeadLetterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NoSuchDeadLetterException(UUID id) {
    super("no dead letter " + id);
  }
}
