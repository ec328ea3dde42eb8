package dev.refinery.shared.infrastructure.messaging.jms;

import dev.refinery.shared.infrastructure.messaging.MalformedMessageException;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetter;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetterStore;
import dev.refinery.shared.infrastructure.messaging.deadletter.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

/**
 * Keeps what the broker set aside with the application's dead letters: a message that reached its
 * queue's delivery limit, and one that no queue was bound to (parked by the exchanges' alternate
 * exchange).
 */
@ApplicationScoped
public class BrokerDeadLetters {

  private static final System.Logger LOG = System.getLogger(BrokerDeadLetters.class.getName());
  static final Failure DELIVERY_LIMIT =
      new Failure(
          false,
          "RabbitMQ delivery limit",
          "the broker gave up after the queue's delivery limit: the message kept failing or"
              + " crashing its consumer");

  @Inject DeadLetterStore store;

  @Inject Clock clock;

  public void keep(Message delivery) {
    keep(delivery, DELIVERY_LIMIT);
  }

  /** A message no binding matched: a command or event type no context subscribes to. */
  public void keepUnrouted(Message delivery) {
    String type;
    try {
      type = delivery.getStringProperty(JmsMessages.TYPE);
    } catch (jakarta.jms.JMSException e) {
      type = null;
    }
    keep(
        delivery,
        new Failure(
            false,
            "unroutable",
            type == null
                ? "no queue is bound to it: it has no type header, so no routing key a context"
                    + " subscribes to"
                : "no queue is bound to type " + type + ": no context subscribes to it"));
  }

  private void keep(Message delivery, Failure failure) {
    RawMessage message;
    try {
      message = JmsMessages.read(delivery, clock.instant());
    } catch (MalformedMessageException e) {
      message =
          JmsMessages.unreadable(
              delivery, dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION);
    }
    Instant now = clock.instant();
    DeadLetter letter =
        new DeadLetter(
            java.util.UUID.randomUUID(),
            message,
            null,
            failure,
            message.headers().attempt(),
            message.firstFailureAt() == null ? now : message.firstFailureAt(),
            now);
    LOG.log(
        Level.WARNING,
        "RabbitMQ set aside {0} (message id {1}): {2}",
        message.headers(),
        JmsMessages.jmsId(delivery),
        failure.message());
    store.add(letter);
  }
}
