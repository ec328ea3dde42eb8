package dev.refinery.shared.testing;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.Message;
import dev.refinery.shared.messaging.MessageHandler;
import dev.refinery.shared.messaging.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The message queue port for unit tests of use cases: what they publish, events and commands in
 * order, for the test to read. Use cases publish; subscribing here is a mistake and throws.
 */
public final class RecordingMessageQueue implements MessageQueue {

  private final List<Message> published = new ArrayList<>();

  /** Everything published so far, in order (the live list: a test may clear it). */
  public List<Message> published() {
    return published;
  }

  @Override
  public void publishEvent(DomainEvent event, String routingKey) {
    published.add(event);
  }

  @Override
  public void publishCommand(BoundedContext sender, Command command, String routingKey) {
    published.add(command);
  }

  @Override
  public void subscribeToEvents(
      BoundedContext subscriber,
      Set<Class<? extends DomainEvent>> types,
      MessageHandler<DomainEvent> handler) {
    throw new UnsupportedOperationException("use cases publish; they do not subscribe");
  }

  @Override
  public void subscribeToCommands(
      BoundedContext owner, Set<Class<? extends Command>> types, MessageHandler<Command> handler) {
    throw new UnsupportedOperationException("use cases publish; they do not subscribe");
  }
}
