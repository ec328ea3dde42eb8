package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.MessageHandler;
import dev.refinery.shared.messaging.MessageQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Set;

/**
 * The production adapter: messages go through the transactional outbox to RabbitMQ (commands and
 * events each to the queues bound to their type), and come back through each context's
 * message-driven bean.
 */
@ApplicationScoped
@Monitored
public class JmsMessageQueue implements MessageQueue {

  private static final System.Logger LOG = System.getLogger(JmsMessageQueue.class.getName());

  @Inject Outbox outbox;

  @Inject Subscriptions subscriptions;

  @Inject MessageCodec codec;

  @Inject Clock clock;

  /** This bean as the container hands it out, so sends pass the monitoring interceptor. */
  @Inject JmsMessageQueue self;

  private Publication publication() {
    return new Publication(codec, clock);
  }

  @Override
  public void publishEvent(DomainEvent event, String routingKey) {
    self.enqueue(publication().event(event, routingKey));
  }

  @Override
  public void publishCommand(Command command, String routingKey) {
    self.enqueue(publication().command(command, routingKey));
  }

  /**
   * Into the outbox, in the caller's transaction. Public for the interceptor only: publish instead.
   * An event no context subscribes to (an alert raised, an agent run that failed: facts for the
   * event log and for listeners outside Refinery that bind a queue of their own) is recorded by the
   * interceptor and not sent: no queue of ours is bound to it, and the broker would only park it as
   * unroutable.
   */
  public void enqueue(Publication.Outgoing outgoing) {
    String type = outgoing.message().headers().type();
    if (outgoing.destination().everySubscriber()
        && subscriptions.ready()
        && subscriptions.subscribersOf(type).isEmpty()) {
      LOG.log(
          Level.DEBUG,
          "No context subscribes to {0}: recorded, not sent",
          outgoing.message().headers());
      return;
    }
    outbox.append(outgoing);
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
