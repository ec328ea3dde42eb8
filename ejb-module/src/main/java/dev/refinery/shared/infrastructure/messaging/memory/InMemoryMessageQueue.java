package dev.refinery.shared.infrastructure.messaging.memory;

import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import dev.refinery.shared.infrastructure.messaging.MessageCodec;
import dev.refinery.shared.infrastructure.messaging.Publication;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetter;
import dev.refinery.shared.infrastructure.messaging.deadletter.FailurePolicy;
import dev.refinery.shared.infrastructure.messaging.routing.Subscriptions;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.MessageHandler;
import dev.refinery.shared.messaging.MessageQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The message queue in memory, for tests and fast unit runs, with the RabbitMQ adapter's delivery
 * semantics: asynchronous delivery after commit, every context receiving every event, retries after
 * the policy's delays, dead letters, attempt counts, deduplication on message ids. Nothing survives
 * a restart. The port publishes through the {@link InMemoryBroker}, which delivers to the {@link
 * InMemoryConsumer}.
 */
@ApplicationScoped
public class InMemoryMessageQueue implements MessageQueue {

  private final Subscriptions subscriptions;
  private final Publication publication;
  private final InMemoryBroker broker;
  private final InMemoryConsumer consumer;

  /** For the container's client proxy only. */
  protected InMemoryMessageQueue() {
    this(null, null, null, null, null);
  }

  @Inject
  public InMemoryMessageQueue(
      Subscriptions subscriptions,
      MessageCodec codec,
      Clock clock,
      InMemoryBroker broker,
      InMemoryConsumer consumer) {
    this.subscriptions = subscriptions;
    this.publication = new Publication(codec, clock);
    this.broker = broker;
    this.consumer = consumer;
  }

  /** The adapter without a container (unit tests): its broker and consumer wired by hand. */
  public static InMemoryMessageQueue standalone(
      Subscriptions subscriptions,
      MessageCodec codec,
      FailurePolicy failures,
      AfterCommit afterCommit,
      ScheduledExecutorService scheduler,
      Clock clock) {
    InMemoryBroker broker = new InMemoryBroker(afterCommit, scheduler);
    InMemoryConsumer consumer = new InMemoryConsumer(subscriptions, codec, failures, clock);
    broker.consumer = consumer;
    consumer.broker = broker;
    return new InMemoryMessageQueue(subscriptions, codec, clock, broker, consumer);
  }

  @Override
  public void publishEvent(DomainEvent event, String routingKey) {
    broker.enqueue(publication.event(event, routingKey));
  }

  @Override
  public void publishCommand(BoundedContext sender, Command command, String routingKey) {
    broker.enqueue(publication.command(sender, command, routingKey));
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

  /** Puts a message straight onto a context's queue, as a foreign producer would. */
  public void deliver(BoundedContext context, RawMessage message) {
    broker.deliver(context, message);
  }

  public List<DeadLetter> deadLetters() {
    return consumer.deadLetters();
  }
}
