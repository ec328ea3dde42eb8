package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Headers;

/**
 * What one delivery of a message to a context came to: what the adapters' consumers return, and
 * what the monitoring interceptor records.
 *
 * @param error the failure behind a retry or a dead letter, else null
 */
public record Consumed(BoundedContext context, Headers headers, Outcome outcome, String error) {

  /** How a delivery ended. */
  public enum Outcome {
    /** The context's handlers took effect. */
    HANDLED,
    /** The context had handled this message id before: no second effect. */
    DUPLICATE,
    /**
     * An event the context does not subscribe to (the heartbeat, which every context's queue
     * receives).
     */
    IGNORED,
    /**
     * The handling failed and its transaction rolls back: the broker redelivers the message at
     * once, and that delivery retries it later or dead-letters it (JMS adapter).
     */
    FAILED,
    /** The handling failed; the message comes back after a delay. */
    RETRIED,
    /** The handling failed for good, or the message could not be read: kept as a dead letter. */
    DEAD_LETTERED
  }
}
