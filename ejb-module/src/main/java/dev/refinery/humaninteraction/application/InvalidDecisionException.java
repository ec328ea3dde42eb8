package dev.refinery.humaninteraction.application;

import jakarta.ejb.ApplicationException;

/**
 * A decision whose content is wrong (an unknown question, a missing reason): the field says where.
 */
@ApplicationException(rollback = true)
public class InvalidDecisionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidDecisionException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
