package dev.refinery.humaninteraction.application;

import jakarta.ejb.ApplicationException;

/**
 * A person's details that cannot be taken (a taken username, a short password): the field says
 * where.
 */
@ApplicationException(rollback = true)
public class InvalidPersonException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidPersonException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
