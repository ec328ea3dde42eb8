package dev.refinery.productdefinition.domain;

import java.util.Optional;

/**
 * An agent run that failed: retryable (timeouts, 429, 5xx, connection) or not (400, 401, invalid
 * output). It carries what the run had cost when it failed, where the agent knows (tokens a model
 * already used).
 */
public class AgentException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final transient AgentRun run;

  public AgentException(String message, boolean retryable, Throwable cause) {
    this(message, retryable, cause, null);
  }

  public AgentException(String message, boolean retryable, Throwable cause, AgentRun run) {
    super(message, cause);
    this.retryable = retryable;
    this.run = run;
  }

  public boolean retryable() {
    return retryable;
  }

  /** What the failed run used, if the agent got that far. */
  public Optional<AgentRun> run() {
    return Optional.ofNullable(run);
  }
}
