package dev.refinery.shared.infrastructure.messaging.deadletter;

import dev.refinery.shared.messaging.NonRetryable;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ValidationException;

/**
 * Why handling a message failed, and whether trying again can help: invalid input (malformed JSON,
 * an unknown type, failed validation) and anything marked {@link NonRetryable} (an illegal state
 * transition) cannot; anything else is taken as transient.
 */
public record Failure(boolean retryable, String exceptionClass, String message) {

  private static final int MAX_MESSAGE = 1000;

  public static Failure of(Throwable error) {
    Throwable root = error;
    boolean retryable = true;
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof NonRetryable
          || cause instanceof JsonbException
          || cause instanceof ValidationException
          || cause instanceof IllegalArgumentException) {
        retryable = false;
        root = cause;
        break;
      }
      root = cause;
      if (cause.getCause() == cause) {
        break;
      }
    }
    String message = root.getMessage() == null ? "" : root.getMessage();
    return new Failure(
        retryable,
        root.getClass().getName(),
        message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
  }

  public String classification() {
    return retryable ? "RETRYABLE" : "NON_RETRYABLE";
  }

  @Override
  public String toString() {
    return classification() + " " + exceptionClass + ": " + message;
  }
}
