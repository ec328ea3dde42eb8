package dev.refinery.shared.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

/** Keeps what the broker dead-lettered (delivery limit reached) with the application's dead letters. */
@ApplicationScoped
public class BrokerDeadLetters {

  private static final System.Logger LOG = System.getLogger(BrokerDeadLetters.class.getName());
  static final Failure DELIVERY_LIMIT = new Failure(false, "RabbitMQ delivery limit",
      "the broker gave up after the queue's delivery limit: the message kept failing or crashing its consumer");

  @Inject DeadLetterStore store;

  @Inject Clock clock;

  public void keep(Message delivery) {
    RawMessage message;
    try {
      message = JmsMessages.read(delivery);
    } catch (MalformedMessageException e) {
      message = JmsMessages.unreadable(delivery, dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION);
    }
    Instant now = clock.instant();
    DeadLetter letter = new DeadLetter(java.util.UUID.randomUUID(), message, null, DELIVERY_LIMIT,
        message.headers().attempt(), message.firstFailureAt() == null ? now : message.firstFailureAt(), now);
    LOG.log(Level.WARNING, "RabbitMQ dead-lettered {0} (JMS id {1})", message.headers(), JmsMessages.jmsId(delivery));
    store.add(letter);
  }
}
