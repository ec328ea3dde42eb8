package dev.refinery.shared.infrastructure.messaging.jms;

import dev.refinery.shared.infrastructure.messaging.MessagingHarness;
import dev.refinery.shared.infrastructure.messaging.MessagingSettings;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.RetryPolicy;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetter;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetterStore;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.MessageQueue;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.transaction.UserTransaction;
import java.util.List;

/** The contract's harness on the RabbitMQ adapter, inside Payara Micro. */
public final class JmsHarness implements MessagingHarness {

  private final MessageQueue queue;
  private final MessagingSettings settings;
  private final UserTransaction transaction;
  private final ConnectionFactory connections;
  private final DeadLetterStore deadLetters;

  public JmsHarness(
      MessageQueue queue,
      MessagingSettings settings,
      UserTransaction transaction,
      ConnectionFactory connections,
      DeadLetterStore deadLetters) {
    this.queue = queue;
    this.settings = settings;
    this.transaction = transaction;
    this.connections = connections;
    this.deadLetters = deadLetters;
  }

  @Override
  public MessageQueue queue() {
    return queue;
  }

  @Override
  public RetryPolicy retries() {
    return settings.retryPolicy();
  }

  @Override
  public void transaction(boolean commit, Runnable work) {
    try {
      transaction.begin();
      work.run();
      if (commit) {
        transaction.commit();
      } else {
        transaction.rollback();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends straight to the context's queue with the JMS API, as a foreign producer would. */
  @Override
  public void deliverRaw(BoundedContext context, RawMessage message) {
    try (Connection connection = connections.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      session
          .createProducer(session.createQueue(context.queue()))
          .send(JmsMessages.write(session, message));
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<DeadLetter> deadLetters(String correlationId) {
    return deadLetters.byCorrelation(correlationId).stream()
        .map(DeadLetterStore.Stored::deadLetter)
        .toList();
  }
}
