package dev.refinery.shared.application;

import jakarta.ejb.ApplicationException;

/**
 * The caller's roles or ownership do not allow what they asked: an API answers 403 with this
 * message.
 */
@ApplicationException(rollback = true)
public class NotPermittedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotPermittedException(String message) {
    super(message);
  }
}
