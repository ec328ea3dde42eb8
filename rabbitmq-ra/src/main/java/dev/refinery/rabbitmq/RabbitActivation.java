package dev.refinery.rabbitmq;

import static dev.refinery.rabbitmq.RabbitResourceAdapter.LOG;

import com.rabbitmq.jms.admin.RMQConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * One message-driven bean's activation: one AMQP connection and {@code maxSessions} sessions
 * (channels), each with prefetch 1 and one listener, reading its queue in the JMS client's AMQP
 * mode. When the broker is away (at deployment or later) it keeps reconnecting, 1 s to 30 s apart,
 * so the application deploys and starts consuming once the broker is up.
 */
final class RabbitActivation implements ExceptionListener {

  private final RabbitResourceAdapter adapter;
  private final MessageEndpointFactory endpoints;
  private final RabbitActivationSpec spec;
  private final Backoff backoff = new Backoff();
  private volatile boolean active;
  private Connection connection; // guarded by this
  private ExecutorService dispatch; // guarded by this

  RabbitActivation(
      RabbitResourceAdapter adapter, MessageEndpointFactory endpoints, RabbitActivationSpec spec) {
    this.adapter = adapter;
    this.endpoints = endpoints;
    this.spec = spec;
  }

  void start() {
    active = true;
    connectOrRetry();
  }

  void stop() {
    active = false;
    disconnect();
    LOG.log(Level.INFO, "Stopped consuming {0}", spec);
  }

  boolean connected() {
    synchronized (this) {
      return connection != null;
    }
  }

  private synchronized void connectOrRetry() {
    if (!active || connection != null) {
      return;
    }
    try {
      connection = connect();
      backoff.reset();
      LOG.log(
          Level.INFO,
          "Consuming {0} from {1} for {2}",
          spec,
          adapter.broker(),
          endpoints.getEndpointClass().getName());
    } catch (JMSException | NamingException | RuntimeException e) {
      disconnect();
      Duration delay = backoff.next();
      LOG.log(
          Level.WARNING,
          "Cannot consume {0} from {1} ({2}); retrying in {3} s",
          spec,
          adapter.broker(),
          e.getMessage(),
          delay.toSeconds());
      adapter.scheduler().schedule(this::connectOrRetry, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private Connection connect() throws JMSException, NamingException {
    // amqp-client dispatches on #cores threads per connection and the JMS client blocks one while
    // onMessage runs: without a pool of our own, concurrency would be capped at #cores.
    dispatch =
        Executors.newFixedThreadPool(
            spec.getMaxSessions(), Threads.named("rabbitmq-ra-" + spec.queueName()));
    ExecutorService pool = dispatch;
    AtomicReference<com.rabbitmq.client.Connection> amqp = new AtomicReference<>();
    RMQConnectionFactory factory =
        adapter
            .broker()
            .connectionFactory(
                "refinery consumer " + spec.queueName(),
                settings -> settings.setSharedExecutor(pool),
                amqp::set);
    factory.setChannelsQos(
        1); // Session.recover() requeues every unacked message of the channel: only ours
    Connection created = adapter.broker().connect(factory);
    try {
      created.setExceptionListener(this);
      Destination destination = destination(new Topology(amqp.get(), adapter.declarations()));
      for (int i = 0; i < spec.getMaxSessions(); i++) {
        Session session = created.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(destination);
        consumer.setMessageListener(
            new Delivery(endpoints, session, spec.queueName(), adapter.transactions()));
      }
      created.start();
      return created;
    } catch (JMSException | NamingException | RuntimeException e) {
      closeQuietly(created);
      throw e;
    }
  }

  /**
   * The queue this activation reads, in AMQP mode (messages as they are, never Java-deserialized),
   * declared first; a topic's subscription queue is also bound to the topic's exchange and routing
   * key.
   */
  private Destination destination(Topology topology) throws NamingException, JMSException {
    String queue = spec.queueName();
    if (!RabbitActivationSpec.blank(spec.getDestinationLookup())) {
      queue =
          ((RabbitQueue) new InitialContext().lookup(spec.getDestinationLookup()))
              .getAmqpQueueName();
    }
    try {
      if (spec.isTopic()) {
        RabbitTopic topic = RabbitTopic.of(spec.getDestination());
        topology.bind(queue, topic.exchange(), topic.routingKey());
      } else {
        topology.queue(queue);
      }
    } catch (IOException e) {
      JMSException failure =
          new JMSException("Declaring queue " + queue + " failed: " + e.getMessage());
      failure.setLinkedException(e);
      throw failure;
    }
    return adapter.declarations().queue(queue);
  }

  /** The connection broke (broker restart, network, forced close): start over, after a pause. */
  @Override
  public void onException(JMSException e) {
    LOG.log(
        Level.WARNING,
        "Lost the connection consuming {0}: {1}; reconnecting",
        spec,
        e.getMessage());
    disconnect();
    if (active) {
      adapter
          .scheduler()
          .schedule(this::connectOrRetry, Backoff.FIRST.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void disconnect() {
    if (connection != null) {
      closeQuietly(connection);
      connection = null;
    }
    if (dispatch != null) {
      dispatch.shutdownNow();
      dispatch = null;
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.DEBUG, "Closing a broken connection failed: {0}", e.getMessage());
    }
  }
}
