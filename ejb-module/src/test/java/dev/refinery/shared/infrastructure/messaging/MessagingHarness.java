package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetter;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.MessageQueue;
import java.util.List;

/** What the contract needs from an adapter's test setup beyond the port itself. */
public interface MessagingHarness {

  MessageQueue queue();

  RetryPolicy retries();

  /** Runs work in a transaction that commits, or rolls back. */
  void transaction(boolean commit, Runnable work);

  /**
   * Puts a message straight onto a context's queue, bypassing the port, as a foreign producer
   * would.
   */
  void deliverRaw(BoundedContext context, RawMessage message);

  /** The dead letters whose message carries this correlation id. */
  List<DeadLetter> deadLetters(String correlationId);
}
