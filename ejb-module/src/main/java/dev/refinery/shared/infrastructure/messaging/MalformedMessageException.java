package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.NonRetryable;

/** A message whose headers or body cannot be read: retrying will not make it readable. */
public class MalformedMessageException extends RuntimeException implements NonRetryable {

  private static final long serialVersionUID = 1L;

  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
