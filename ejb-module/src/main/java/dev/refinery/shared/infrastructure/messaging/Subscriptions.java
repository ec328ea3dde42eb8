package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Message;
import dev.refinery.shared.messaging.MessageHandler;
import dev.refinery.shared.messaging.MessageType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Which context handles which message type, and with which callbacks. Shared by both adapters. */
public final class Subscriptions {

  /** The handlers one context registered for one message type. */
  public record Route(Class<? extends Message> type, List<MessageHandler<Message>> handlers) {}

  private final Map<BoundedContext, Map<String, Route>> routes = new ConcurrentHashMap<>();
  private volatile boolean ready;

  /** Every context has subscribed: from now on a type nobody handles is really nobody's. */
  public void markReady() {
    ready = true;
  }

  public boolean ready() {
    return ready;
  }

  @SuppressWarnings("unchecked")
  public <T extends Message> void add(BoundedContext context, Set<Class<? extends T>> types, MessageHandler<T> handler) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("subscribe to at least one type");
    }
    Map<String, Route> byType = routes.computeIfAbsent(context, c -> new ConcurrentHashMap<>());
    for (Class<? extends T> type : types) {
      byType.computeIfAbsent(MessageType.of(type), name -> new Route(type, new CopyOnWriteArrayList<>()))
          .handlers()
          .add((MessageHandler<Message>) handler);
    }
  }

  public Optional<Route> route(BoundedContext context, String type) {
    return Optional.ofNullable(routes.getOrDefault(context, Map.of()).get(type));
  }

  /** The contexts with a handler for this type. */
  public Set<BoundedContext> subscribersOf(String type) {
    return routes.entrySet().stream()
        .filter(entry -> entry.getValue().containsKey(type))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }
}
