package dev.refinery.shared.messaging;

/**
 * A subscriber's callback. It runs in its own transaction together with the record that the message
 * was handled, so a duplicate delivery has no second effect. Throwing rolls that transaction back:
 * an exception marked {@link NonRetryable} (or invalid input) sends the message to the dead letters
 * at once, anything else is retried with backoff.
 */
@FunctionalInterface
public interface MessageHandler<T extends Message> {

  void handle(Envelope<T> envelope) throws Exception;
}
