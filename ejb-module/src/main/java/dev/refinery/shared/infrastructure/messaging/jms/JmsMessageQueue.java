package dev.refinery.shared.infrastructure.messaging.jms;

import dev.refinery.shared.infrastructure.messaging.MessageCodec;
import dev.refinery.shared.infrastructure.messaging.Publication;
import dev.refinery.shared.infrastructure.messaging.outbox.OutboxPublisher;
import dev.refinery.shared.infrastructure.messaging.routing.Subscriptions;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.MessageHandler;
import dev.refinery.shared.messaging.MessageQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;

/**
 * The production adapter: messages go through the transactional outbox to RabbitMQ (commands and
 * events each to the queues bound to their type), and come back through each context's
 * message-driven bean.
 */
@ApplicationScoped
public class JmsMessageQueue implements MessageQueue {

  @Inject Subscriptions subscriptions;

  @Inject MessageCodec codec;

  @Inject Clock clock;

  @Inject OutboxPublisher publisher;

  private Publication publication() {
    return new Publication(codec, clock);
  }

  @Override
  public void publishEvent(DomainEvent event, String routingKey) {
    publisher.enqueue(publication().event(event, routingKey));
  }

  @Override
  public void publishCommand(BoundedContext sender, Command command, String routingKey) {
    publisher.enqueue(publication().command(sender, command, routingKey));
  }

  @Override
  public void subscribeToEvents(
      BoundedContext subscriber,
      Set<Class<? extends DomainEvent>> types,
      MessageHandler<DomainEvent> handler) {
    subscriptions.add(subscriber, types, handler);
  }

  @Override
  public void subscribeToCommands(
      BoundedContext owner, Set<Class<? extends Command>> types, MessageHandler<Command> handler) {
    subscriptions.add(owner, types, handler);
  }
}
