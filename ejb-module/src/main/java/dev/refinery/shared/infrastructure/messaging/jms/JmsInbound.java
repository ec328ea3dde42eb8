package dev.refinery.shared.infrastructure.messaging.jms;

import dev.refinery.shared.infrastructure.messaging.Consumed;
import dev.refinery.shared.infrastructure.messaging.MalformedMessageException;
import dev.refinery.shared.infrastructure.messaging.Monitored;
import dev.refinery.shared.infrastructure.messaging.Publication;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetter;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetterStore;
import dev.refinery.shared.infrastructure.messaging.deadletter.FailedAttempts;
import dev.refinery.shared.infrastructure.messaging.deadletter.Failure;
import dev.refinery.shared.infrastructure.messaging.deadletter.FailurePolicy;
import dev.refinery.shared.infrastructure.messaging.inbox.JdbcInbox;
import dev.refinery.shared.infrastructure.messaging.inbox.MessageDispatch;
import dev.refinery.shared.infrastructure.messaging.outbox.Outbox;
import dev.refinery.shared.messaging.BoundedContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/**
 * What every context's message-driven bean does with a delivery, in the bean's one transaction: the
 * inbox record, the handlers' writes and their outbox rows commit together, and the adapter
 * acknowledges the delivery after that commit. When the handlers fail, the reason is kept in a
 * transaction of its own ({@link FailedAttempts}), this transaction rolls back and the broker
 * redelivers the message at once; the redelivery finds the reason and, without running the handlers
 * again, either puts a copy on the queue's delay queue for the next attempt or keeps the message as
 * a dead letter. An exception from here rolls back too: the broker redelivers.
 */
@ApplicationScoped
public class JmsInbound {

  private static final System.Logger LOG = System.getLogger(JmsInbound.class.getName());

  @Inject MessageDispatch dispatch;

  @Inject JdbcInbox inbox;

  @Inject FailedAttempts failedAttempts;

  @Inject FailurePolicy failures;

  @Inject Outbox outbox;

  @Inject DeadLetterStore deadLetters;

  @Inject Clock clock;

  @Resource TransactionSynchronizationRegistry transactions;

  @Monitored(Monitored.Call.CONSUME)
  public Consumed consume(BoundedContext context, Message delivery) {
    RawMessage message;
    try {
      message = JmsMessages.read(delivery, clock.instant());
    } catch (MalformedMessageException e) {
      RawMessage unreadable = JmsMessages.unreadable(delivery, context);
      giveUp(DeadLetter.of(unreadable, context.queue(), Failure.of(e), clock.instant()));
      return new Consumed(
          context, unreadable.headers(), Consumed.Outcome.DEAD_LETTERED, e.toString());
    }
    Optional<Failure> failedBefore =
        redelivered(delivery)
            ? failedAttempts.take(context, message.headers().messageId())
            : Optional.empty();
    if (failedBefore.isPresent()) {
      return afterFailure(context, message, failedBefore.get());
    }
    try {
      MessageDispatch.Result result = dispatch.dispatch(context, message, inbox);
      LOG.log(Level.DEBUG, "{0} {1} for {2}", result, message.headers(), context.segment());
      return new Consumed(context, message.headers(), result.outcome(), null);
    } catch (Exception e) {
      Failure failure = Failure.of(e);
      LOG.log(
          Level.INFO,
          "Handling {0} for {1} failed; rolled back, it comes back at once to be retried"
              + " or dead-lettered: {2}",
          message.headers(),
          context.segment(),
          failure);
      failedAttempts.record(context, message.headers().messageId(), failure);
      transactions.setRollbackOnly();
      return new Consumed(context, message.headers(), Consumed.Outcome.FAILED, failure.toString());
    }
  }

  private Consumed afterFailure(BoundedContext context, RawMessage message, Failure failure) {
    return switch (failures.decide(message, context.queue(), failure, clock.instant())) {
      case FailurePolicy.Retry retry -> {
        LOG.log(
            Level.INFO,
            "Retrying {0} for {1} in {2} ms: {3}",
            message.headers(),
            context.segment(),
            retry.delay().toMillis(),
            failure);
        String delayQueue = context.queue() + ".delay." + retry.delay().toMillis();
        outbox.append(
            new Publication.Outgoing(Publication.Destination.queue(delayQueue), retry.copy()));
        yield new Consumed(
            context, message.headers(), Consumed.Outcome.RETRIED, failure.toString());
      }
      case FailurePolicy.GiveUp giveUp -> {
        giveUp(giveUp.deadLetter());
        yield new Consumed(
            context, message.headers(), Consumed.Outcome.DEAD_LETTERED, failure.toString());
      }
    };
  }

  private void giveUp(DeadLetter letter) {
    LOG.log(
        Level.WARNING,
        "Dead-lettered {0} from {1} after {2} attempts: {3}",
        letter.message().headers(),
        letter.origin(),
        letter.attempts(),
        letter.failure());
    deadLetters.add(letter);
  }

  /** Whether the broker delivered it before: only then can an earlier delivery have failed. */
  private static boolean redelivered(Message delivery) {
    try {
      return delivery.getJMSRedelivered();
    } catch (JMSException e) {
      return true; // look it up rather than run the handlers of a message that failed
    }
  }
}
