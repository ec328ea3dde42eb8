package dev.refinery.shared.infrastructure.messaging.routing;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.Message;
import dev.refinery.shared.messaging.MessageHandler;
import dev.refinery.shared.messaging.MessageKind;
import dev.refinery.shared.messaging.MessageType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Which context handles which message type, and with which callbacks. Shared by both adapters; the
 * RabbitMQ adapter binds each context's queue to exactly these types (and the heartbeat).
 */
public final class Subscriptions {

  /**
   * Every context's queue receives the detector's heartbeat without a handler: the event log shows
   * which context consumed it, and a queue nobody consumes raises an alert.
   */
  public static final String HEARTBEAT = "orchestration.Heartbeat";

  /** The handlers one context registered for one message type. */
  public record Route(Class<? extends Message> type, List<MessageHandler<Message>> handlers) {}

  private final Map<BoundedContext, Map<String, Route>> routes = new ConcurrentHashMap<>();
  private volatile boolean ready;
  private final java.util.concurrent.atomic.AtomicInteger version =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Every context has subscribed: from now on a type nobody handles is really nobody's. */
  public void markReady() {
    ready = true;
  }

  public boolean ready() {
    return ready;
  }

  /**
   * Grows with every subscription added, so the adapter knows when its queues need binding again.
   */
  public int version() {
    return version.get();
  }

  @SuppressWarnings("unchecked")
  public <T extends Message> void add(
      BoundedContext context, Set<Class<? extends T>> types, MessageHandler<T> handler) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("subscribe to at least one type");
    }
    version.incrementAndGet();
    Map<String, Route> byType = routes.computeIfAbsent(context, c -> new ConcurrentHashMap<>());
    for (Class<? extends T> type : types) {
      byType
          .computeIfAbsent(
              MessageType.of(type), name -> new Route(type, new CopyOnWriteArrayList<>()))
          .handlers()
          .add((MessageHandler<Message>) handler);
    }
  }

  public Optional<Route> route(BoundedContext context, String type) {
    return Optional.ofNullable(routes.getOrDefault(context, Map.of()).get(type));
  }

  /** The contexts with a handler for this type (every context for the heartbeat). */
  public Set<BoundedContext> subscribersOf(String type) {
    if (HEARTBEAT.equals(type)) {
      return Set.of(BoundedContext.values());
    }
    return routes.entrySet().stream()
        .filter(entry -> entry.getValue().containsKey(type))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The types a context's queue must receive: what it subscribed to, and the heartbeat. */
  public Map<String, MessageKind> bindings(BoundedContext context) {
    Map<String, MessageKind> bindings = new java.util.TreeMap<>();
    routes
        .getOrDefault(context, Map.of())
        .forEach(
            (type, route) ->
                bindings.put(
                    type,
                    Command.class.isAssignableFrom(route.type())
                        ? MessageKind.COMMAND
                        : MessageKind.EVENT));
    bindings.put(HEARTBEAT, MessageKind.EVENT);
    return bindings;
  }
}
