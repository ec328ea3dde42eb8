package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.monitoring.Monitored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * What every context's message-driven bean does with a delivery, inside the bean's transaction: hand it
 * to the dispatcher (which runs the handlers in a transaction of their own), then on failure either put
 * a copy on the queue's delay queue for the next attempt, or keep it as a dead letter. Either way this
 * transaction commits and the delivery is acknowledged; an exception from here rolls it back and the
 * broker redelivers.
 */
@ApplicationScoped
@Monitored
public class JmsInbound {

  private static final System.Logger LOG = System.getLogger(JmsInbound.class.getName());

  @Inject Dispatcher dispatcher;

  @Inject FailurePolicy failures;

  @Inject Outbox outbox;

  @Inject DeadLetterStore deadLetters;

  @Inject Clock clock;

  public Consumed consume(BoundedContext context, Message delivery) {
    RawMessage message;
    try {
      message = JmsMessages.read(delivery, clock.instant());
    } catch (MalformedMessageException e) {
      RawMessage unreadable = JmsMessages.unreadable(delivery, context);
      giveUp(DeadLetter.of(unreadable, context.queue(), Failure.of(e), clock.instant()));
      return new Consumed(context, unreadable.headers(), Consumed.Outcome.DEAD_LETTERED, e.toString());
    }
    Dispatcher.Outcome outcome = dispatcher.dispatch(context, message);
    if (outcome.failure() == null) {
      LOG.log(Level.DEBUG, "{0} {1} for {2}", outcome.result(), message.headers(), context.segment());
      return Consumed.of(context, message.headers(), outcome.result());
    }
    return switch (failures.decide(message, context.queue(), outcome.failure(), clock.instant())) {
      case FailurePolicy.Retry retry -> {
        LOG.log(Level.INFO, "Retrying {0} for {1} in {2} ms: {3}",
            message.headers(), context.segment(), retry.delay().toMillis(), outcome.failure());
        String delayQueue = context.queue() + ".delay." + retry.delay().toMillis();
        outbox.append(new Publication.Outgoing(Publication.Destination.queue(delayQueue), retry.copy()));
        yield new Consumed(context, message.headers(), Consumed.Outcome.RETRIED, outcome.failure().toString());
      }
      case FailurePolicy.GiveUp giveUp -> {
        giveUp(giveUp.deadLetter());
        yield new Consumed(context, message.headers(), Consumed.Outcome.DEAD_LETTERED, outcome.failure().toString());
      }
    };
  }

  private void giveUp(DeadLetter letter) {
    LOG.log(Level.WARNING, "Dead-lettered {0} from {1} after {2} attempts: {3}",
        letter.message().headers(), letter.origin(), letter.attempts(), letter.failure());
    deadLetters.add(letter);
  }
}
