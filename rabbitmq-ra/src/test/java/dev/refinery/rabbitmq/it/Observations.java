package dev.refinery.rabbitmq.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What the test beans saw, shared inside the server JVM. */
public final class Observations {

  /** One delivery: its id property, JMSXDeliveryCount, whether the bean's work succeeded. */
  public record Seen(String id, int deliveryCount, boolean succeeded, long at) {}

  private static final Map<String, List<Seen>> SEEN = new ConcurrentHashMap<>();
  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
  private static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();

  private Observations() {}

  static void seen(String id, int deliveryCount, boolean succeeded) {
    SEEN.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>())
        .add(new Seen(id, deliveryCount, succeeded, System.currentTimeMillis()));
  }

  public static List<Seen> of(String id) {
    return List.copyOf(SEEN.getOrDefault(id, List.of()));
  }

  public static long succeeded(String prefix) {
    return SEEN.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(prefix))
        .flatMap(entry -> entry.getValue().stream())
        .filter(Seen::succeeded)
        .count();
  }

  static void enter() {
    MOST_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
  }

  static void leave() {
    IN_FLIGHT.decrementAndGet();
  }

  public static int mostInFlight() {
    return MOST_IN_FLIGHT.get();
  }

  public static void resetInFlight() {
    MOST_IN_FLIGHT.set(0);
  }
}
