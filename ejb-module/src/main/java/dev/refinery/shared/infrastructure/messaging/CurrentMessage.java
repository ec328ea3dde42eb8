package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Headers;
import java.util.Optional;

/**
 * The message a handler is handling on this thread, and for which context: what anything it
 * publishes was caused by, and who sends it.
 */
public final class CurrentMessage {

  /** A message being handled by a context. */
  public record Handling(BoundedContext context, Headers headers) {}

  private static final ThreadLocal<Handling> HANDLING = new ThreadLocal<>();

  private CurrentMessage() {}

  public static Optional<Handling> get() {
    return Optional.ofNullable(HANDLING.get());
  }

  interface Work {
    void run() throws Exception;
  }

  static void during(BoundedContext context, Headers headers, Work work) throws Exception {
    Handling previous = HANDLING.get();
    HANDLING.set(new Handling(context, headers));
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
