package dev.refinery.shared.infrastructure.messaging.outbox;

import jakarta.jms.JMSException;
import java.util.List;
import java.util.Set;

/** Where the outbox relay hands its rows: the broker, through the JMS adapter's sender. */
public interface OutboxSender {

  /** Whether the contexts have subscribed, so that their queues can be bound before any send. */
  boolean ready();

  /** Sends the batch and returns the ids of the rows the broker confirmed. */
  Set<Long> send(List<OutboxStore.Pending> batch) throws JMSException;
}
