package dev.refinery.shared.messaging;

import java.util.Set;

/**
 * The port the bounded contexts talk through (ADR-006). Publishing inside a transaction takes
 * effect when it commits, and not at all when it rolls back. Delivery is at least once,
 * asynchronous, retried with backoff; a message that cannot be handled ends among the dead letters
 * with its reason.
 */
public interface MessageQueue {

  /** Publishes an event; every context subscribed to its type receives its own copy. */
  default void publishEvent(DomainEvent event) {
    publishEvent(event, null);
  }

  /** Publishes an event with a routing key its subscribers can read in the headers. */
  void publishEvent(DomainEvent event, String routingKey);

  /**
   * Sends a command from a context to the context that owns its type. The sender is said, not
   * guessed: it is the message's {@code source} on the wire, and a command type may have several (a
   * person cancels a task in Human Interaction, the service levels in Orchestration).
   */
  default void publishCommand(BoundedContext sender, Command command) {
    publishCommand(sender, command, null);
  }

  /**
   * Sends a command; a routing key naming a context's queue ({@code refinery.<context>}) sends it
   * there instead of to the owning context.
   */
  void publishCommand(BoundedContext sender, Command command, String routingKey);

  /** Registers the callback that handles these event types for a context. */
  void subscribeToEvents(
      BoundedContext subscriber,
      Set<Class<? extends DomainEvent>> types,
      MessageHandler<DomainEvent> handler);

  /** Registers the callback that handles these command types, which the context must own. */
  void subscribeToCommands(
      BoundedContext owner, Set<Class<? extends Command>> types, MessageHandler<Command> handler);
}
