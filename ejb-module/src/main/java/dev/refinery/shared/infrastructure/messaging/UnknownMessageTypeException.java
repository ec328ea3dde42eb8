package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.NonRetryable;

/** A command nobody in the receiving context handles. */
public class UnknownMessageTypeException extends RuntimeException implements NonRetryable {

  private static final long serialVersionUID = 1L;

  public UnknownMessageTypeException(String message) {
    super(message);
  }
}
