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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The message queue in memory, for tests and fast unit runs, with the RabbitMQ adapter's delivery
 * semantics: asynchronous delivery after commit, every context receiving every event, retries after
 * the policy's delays, dead letters, attempt counts, deduplication on message ids. Nothing survives
 * a restart.
 */
@ApplicationScoped
public class InMemoryMessageQueue implements MessageQueue {

  private static final System.Logger LOG = System.getLogger(InMemoryMessageQueue.class.getName());

  private final Subscriptions subscriptions;
  private final Publication publication;
  private final MessageDispatch dispatch;
  private final FailurePolicy failures;
  private final AfterCommit afterCommit;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Set<String> handled = ConcurrentHashMap.newKeySet();
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

  /**
   * This bean as the container hands it out, so sends and deliveries pass the monitoring
   * interceptor.
   */
  @Inject InMemoryMessageQueue self;

  /** For the container's client proxy only. */
  protected InMemoryMessageQueue() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public InMemoryMessageQueue(
      Subscriptions subscriptions,
      MessageCodec codec,
      FailurePolicy failures,
      AfterCommit afterCommit,
      @Messaging ScheduledExecutorService scheduler,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.publication = new Publication(codec, clock);
    this.dispatch = new MessageDispatch(subscriptions, codec);
    this.failures = failures;
    this.afterCommit = afterCommit;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @Override
  public void publishEvent(DomainEvent event, String routingKey) {
    self().enqueue(publication.event(event, routingKey));
  }

  @Override
  public void publishCommand(Command command, String routingKey) {
    self().enqueue(publication.command(command, routingKey));
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
    scheduler.execute(() -> self().consume(context, message));
  }

  public List<DeadLetter> deadLetters() {
    return List.copyOf(deadLetters);
  }

  /**
   * Sends once the publishing transaction commits. Called through the container's proxy ({@code
   * self}), so that the monitor sees it: publish instead.
   */
  @Monitored(Monitored.Call.PUBLISH)
  public void enqueue(Publication.Outgoing outgoing) {
    afterCommit.run(
        () -> {
          if (outgoing.destination().everySubscriber()) {
            for (BoundedContext context : BoundedContext.values()) {
              deliver(context, outgoing.message());
            }
          } else {
            deliver(BoundedContext.ofQueue(outgoing.destination().queue()), outgoing.message());
          }
        });
  }

  /** One delivery to a context (through {@code self}, so that the monitor sees it). */
  @Monitored(Monitored.Call.CONSUME)
  public Consumed consume(BoundedContext context, RawMessage message) {
    RecordingInbox inbox = new RecordingInbox();
    try {
      return Consumed.of(context, message.headers(), dispatch.dispatch(context, message, inbox));
    } catch (Exception e) {
      inbox.rollback(); // the record of handling goes with the handling's effects
      return fail(context, message, e);
    }
  }

  private Consumed fail(BoundedContext context, RawMessage message, Exception error) {
    Failure failure = Failure.of(error);
    return switch (failures.decide(message, context.queue(), failure, clock.instant())) {
      case FailurePolicy.Retry retry -> {
        LOG.log(
            Level.INFO,
            "Retrying {0} for {1} in {2} ms: {3}",
            message.headers(),
            context.segment(),
            retry.delay().toMillis(),
            failure);
        scheduler.schedule(
            () -> self().consume(context, retry.copy()),
            retry.delay().toMillis(),
            TimeUnit.MILLISECONDS);
        yield new Consumed(
            context, message.headers(), Consumed.Outcome.RETRIED, failure.toString());
      }
      case FailurePolicy.GiveUp giveUp -> {
        LOG.log(
            Level.WARNING,
            "Dead-lettered {0} from {1}: {2}",
            message.headers(),
            context.queue(),
            failure);
        deadLetters.add(giveUp.deadLetter());
        yield new Consumed(
            context, message.headers(), Consumed.Outcome.DEAD_LETTERED, failure.toString());
      }
    };
  }

  private InMemoryMessageQueue self() {
    return self != null ? self : this; // outside a container (unit tests) there is no proxy
  }

  /** The in-memory inbox, with the one record a failed delivery must take back. */
  private final class RecordingInbox implements Inbox {

    private String recorded;

    @Override
    public boolean firstDelivery(BoundedContext context, UUID messageId) {
      String key = context.segment() + "/" + messageId;
      boolean first = handled.add(key);
      recorded = first ? key : null;
      return first;
    }

    void rollback() {
      if (recorded != null) {
        handled.remove(recorded);
      }
    }
  }
}
