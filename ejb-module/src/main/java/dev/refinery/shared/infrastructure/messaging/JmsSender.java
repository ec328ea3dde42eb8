package dev.refinery.shared.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Sends outbox rows through the pooled connection factory, outside any transaction, with publisher
 * confirms: a row counts as sent only once the broker confirmed it.
 */
@ApplicationScoped
public class JmsSender {

  /** The topic every context's queue is subscribed to. */
  static final String EVENTS_TOPIC = "refinery.events";
  private static final long CONFIRM_TIMEOUT_SECONDS = 10;

  @Resource(lookup = MessagingResources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  /** Sends the batch and returns the ids of the rows the broker confirmed. */
  public Set<Long> send(List<OutboxStore.Pending> batch) throws JMSException {
    Map<Long, CompletableFuture<Void>> confirms = new LinkedHashMap<>();
    try (Connection connection = connectionFactory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer producer = session.createProducer(null);
      JmsMessages.persistent(producer);
      Destination events = session.createTopic(EVENTS_TOPIC);
      for (OutboxStore.Pending row : batch) {
        Destination destination = Outbox.EVERY_SUBSCRIBER.equals(row.destination()) ? events : session.createQueue(row.destination());
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        confirms.put(row.id(), confirmed);
        producer.send(destination, JmsMessages.write(session, row.message()), new Confirm(confirmed));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONFIRM_TIMEOUT_SECONDS); // for the whole batch
      return confirms.entrySet().stream()
          .filter(entry -> confirmed(entry.getValue(), deadline))
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }
  }

  /** Borrows a connection and opens a session: whether the broker answers now. */
  public void ping() throws JMSException {
    try (Connection connection = connectionFactory.createConnection()) {
      connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createTopic(EVENTS_TOPIC);
    }
  }

  private static boolean confirmed(CompletableFuture<Void> confirm, long deadline) {
    try {
      confirm.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private record Confirm(CompletableFuture<Void> confirmed) implements CompletionListener {

    @Override
    public void onCompletion(Message message) {
      confirmed.complete(null);
    }

    @Override
    public void onException(Message message, Exception exception) {
      confirmed.completeExceptionally(exception);
    }
  }
}
