package dev.refinery.shared.infrastructure.messaging.jms;

import dev.refinery.shared.infrastructure.messaging.outbox.Outbox;
import dev.refinery.shared.infrastructure.messaging.outbox.OutboxSender;
import dev.refinery.shared.infrastructure.messaging.outbox.OutboxStore;
import dev.refinery.shared.infrastructure.messaging.routing.Subscriptions;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.MessageKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.System.Logger.Level;
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
 * confirms: a row counts as sent only once the broker confirmed it. Where a row goes ({@code
 * docs/wire-format.md}): an event to the exchange {@value #EVENTS} and a command to {@value
 * #COMMANDS}, each with its type as routing key, so it reaches exactly the queues bound to that
 * type; a message for one queue (a retry waiting in a delay queue, a replayed dead letter) straight
 * to it. Before the first send, each context's queue is bound to the types it subscribes to.
 */
@ApplicationScoped
public class JmsSender implements OutboxSender {

  /** The exchange events are published to, routing key = type. */
  public static final String EVENTS = "refinery.events";

  /** The exchange commands are published to, routing key = type. */
  public static final String COMMANDS = "refinery.commands";

  private static final System.Logger LOG = System.getLogger(JmsSender.class.getName());
  private static final long CONFIRM_TIMEOUT_SECONDS = 10;

  @Resource(lookup = MessagingResources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Inject Subscriptions subscriptions;

  /** The subscriptions' version the queues were last bound for; -1: not yet. */
  private volatile int bound = -1;

  /**
   * Whether the contexts have subscribed, so that their queues can be bound before anything is
   * sent.
   */
  @Override
  public boolean ready() {
    return subscriptions.ready();
  }

  @Override
  public Set<Long> send(List<OutboxStore.Pending> batch) throws JMSException {
    Map<Long, CompletableFuture<Void>> confirms = new LinkedHashMap<>();
    try (Connection connection = connectionFactory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      if (bound != subscriptions.version()) {
        bind(session);
      }
      MessageProducer producer = session.createProducer(null);
      JmsMessages.persistent(producer);
      for (OutboxStore.Pending row : batch) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        confirms.put(row.id(), confirmed);
        producer.send(
            destination(session, row),
            JmsMessages.write(session, row.message()),
            new Confirm(confirmed));
      }
      long deadline =
          System.nanoTime()
              + TimeUnit.SECONDS.toNanos(CONFIRM_TIMEOUT_SECONDS); // for the whole batch
      return confirms.entrySet().stream()
          .filter(entry -> confirmed(entry.getValue(), deadline))
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }
  }

  /** Borrows a connection and opens a session: whether the broker answers now. */
  public void ping() throws JMSException {
    try (Connection connection = connectionFactory.createConnection()) {
      connection
          .createSession(false, Session.AUTO_ACKNOWLEDGE)
          .createTopic(EVENTS + "/" + Subscriptions.HEARTBEAT);
    }
  }

  static Destination destination(Session session, OutboxStore.Pending row) throws JMSException {
    String type = row.message().headers().type();
    if (Outbox.EVERY_SUBSCRIBER.equals(row.destination())) {
      return session.createTopic(EVENTS + "/" + type);
    }
    if (row.message().headers().kind() == MessageKind.COMMAND
        && ownersQueue(type).equals(row.destination())) {
      return session.createTopic(COMMANDS + "/" + type);
    }
    return session.createQueue(row.destination());
  }

  private static String ownersQueue(String type) {
    try {
      return BoundedContext.ofType(type).queue();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * Binds each context's queue to the routing keys of the types it subscribes to: a durable
   * subscription, named after the queue, to the topic {@code <exchange>/<type>} (the resource
   * adapter declares the queue, the exchange and the binding; declaring again is a no-op).
   */
  private void bind(Session session) throws JMSException {
    int version = subscriptions.version();
    for (BoundedContext context : BoundedContext.values()) {
      for (Map.Entry<String, MessageKind> binding : subscriptions.bindings(context).entrySet()) {
        String exchange = binding.getValue() == MessageKind.COMMAND ? COMMANDS : EVENTS;
        session
            .createSharedDurableConsumer(
                session.createTopic(exchange + "/" + binding.getKey()), context.queue())
            .close();
      }
      LOG.log(
          Level.DEBUG,
          "Queue {0} is bound to {1}",
          context.queue(),
          subscriptions.bindings(context).keySet());
    }
    bound = version;
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
