package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.Headers;
import java.util.Optional;

/**
 * The message a handler is handling on this thread: what anything it publishes was caused by (the
 * causation id on the wire). It says nothing about who sends: a command's sender is passed to the
 * port.
 */
public final class CurrentMessage {

  private static final ThreadLocal<Headers> HANDLING = new ThreadLocal<>();

  private CurrentMessage() {}

  /** The headers of the message being handled on this thread, if any. */
  public static Optional<Headers> get() {
    return Optional.ofNullable(HANDLING.get());
  }

  /** Something a handler does. */
  public interface Work {
    void run() throws Exception;
  }

  /** Runs the work as the handling of the message with these headers. */
  public static void during(Headers headers, Work work) throws Exception {
    Headers previous = HANDLING.get();
    HANDLING.set(headers);
    try {
      work.run();
    } finally {
      if (previous == null) {
        HANDLING.remove();
      } else {
        HANDLING.set(previous);
      }
    }
  }
}
