package dev.refinery.productdefinition.domain;

/** An agent run that failed: retryable (timeouts, 429, 5xx, connection) or not (400, 401, invalid output). */
public class AgentException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public AgentException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
