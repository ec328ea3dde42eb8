package dev.refinery.shared.application;

import jakarta.ejb.ApplicationException;
import java.util.Locale;
import java.util.UUID;

/** The dead letter was already replayed or discarded: each happens once. */
@ApplicationException(rollback = true)
public class DeadLetterResolvedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DeadLetterResolvedException(UUID id, String status, String by) {
    super("dead letter " + id + " was already " + status.toLowerCase(Locale.ROOT) + " by " + by);
  }
}
