package dev.refinery.shared.infrastructure.messaging.memory;

import dev.refinery.shared.infrastructure.messaging.Consumed;
import dev.refinery.shared.infrastructure.messaging.MessageCodec;
import dev.refinery.shared.infrastructure.messaging.Monitored;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetter;
import dev.refinery.shared.infrastructure.messaging.deadletter.Failure;
import dev.refinery.shared.infrastructure.messaging.deadletter.FailurePolicy;
import dev.refinery.shared.infrastructure.messaging.inbox.Inbox;
import dev.refinery.shared.infrastructure.messaging.inbox.MessageDispatch;
import dev.refinery.shared.infrastructure.messaging.routing.Subscriptions;
import dev.refinery.shared.messaging.BoundedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-memory adapter's consuming side: hands a delivery to the context's handlers once per
 * message id, and on failure asks the {@link InMemoryBroker} to deliver it again later or keeps it
 * as a dead letter.
 */
@ApplicationScoped
public class InMemoryConsumer {

  private static final System.Logger LOG = System.getLogger(InMemoryConsumer.class.getName());

  private final MessageDispatch dispatch;
  private final FailurePolicy failures;
  private final Clock clock;
  private final Set<String> handled = ConcurrentHashMap.newKeySet();
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

  /** Where a retry goes; the broker delivers to this consumer in turn. */
  @Inject InMemoryBroker broker;

  /** For the container's client proxy only. */
  protected InMemoryConsumer() {
    this(null, null, null, null);
  }

  @Inject
  public InMemoryConsumer(
      Subscriptions subscriptions, MessageCodec codec, FailurePolicy failures, Clock clock) {
    this.dispatch = new MessageDispatch(subscriptions, codec);
    this.failures = failures;
    this.clock = clock;
  }

  public List<DeadLetter> deadLetters() {
    return List.copyOf(deadLetters);
  }

  /** One delivery to a context; a failure is retried later or kept as a dead letter. */
  @Monitored(Monitored.Call.CONSUME)
  public Consumed consume(BoundedContext context, RawMessage message) {
    RecordingInbox inbox = new RecordingInbox();
    try {
      return new Consumed(
          context, message.headers(), dispatch.dispatch(context, message, inbox).outcome(), null);
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
        broker.redeliver(context, retry.copy(), retry.delay());
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
