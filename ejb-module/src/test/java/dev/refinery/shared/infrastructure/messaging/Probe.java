package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Envelope;
import dev.refinery.shared.messaging.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What the contract's handlers saw, by correlation id: every delivery, and the ones that took
 * effect.
 */
final class Probe {

  /** One call of a handler. */
  record Seen(
      BoundedContext context, Envelope<? extends Message> envelope, Instant at, boolean effect) {}

  private static final Map<String, List<Seen>> SEEN = new ConcurrentHashMap<>();

  private Probe() {}

  static void record(BoundedContext context, Envelope<? extends Message> envelope, boolean effect) {
    SEEN.computeIfAbsent(envelope.payload().correlationId(), id -> new CopyOnWriteArrayList<>())
        .add(new Seen(context, envelope, Instant.now(), effect));
  }

  static List<Seen> seen(String correlationId) {
    return List.copyOf(SEEN.getOrDefault(correlationId, List.of()));
  }

  static List<Seen> effects(String correlationId) {
    return seen(correlationId).stream().filter(Seen::effect).toList();
  }

  /** Polls until the condition holds or the timeout passes, then returns the last value. */
  static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    T current = value.get();
    while (!done.test(current) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      current = value.get();
    }
    return current;
  }
}
