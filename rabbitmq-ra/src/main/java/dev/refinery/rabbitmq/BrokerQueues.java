package dev.refinery.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeoutException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Asks the broker about queues (a passive declaration on a short-lived channel) over one AMQP
 * connection of its own, opened on the first question and again after it broke. Registered while
 * the adapter runs, so that the application reads the broker without broker credentials of its own.
 */
public final class BrokerQueues implements BrokerQueuesMBean {

  static final String NAME = "dev.refinery.rabbitmq:type=BrokerQueues";
  private static final int NOT_FOUND = 404;

  private final BrokerSettings broker;
  private Connection connection; // guarded by this

  BrokerQueues(BrokerSettings broker) {
    this.broker = broker;
  }

  @Override
  public long[] figures(String queue) throws IOException {
    try (Channel channel = connection().createChannel()) {
      AMQP.Queue.DeclareOk declared = channel.queueDeclarePassive(queue);
      return new long[] {declared.getMessageCount(), declared.getConsumerCount()};
    } catch (IOException e) {
      if (e.getCause() instanceof ShutdownSignalException signal
          && signal.getReason() instanceof AMQP.Channel.Close close
          && close.getReplyCode() == NOT_FOUND) {
        return new long[] {-1, -1};
      }
      throw e;
    } catch (TimeoutException e) {
      throw new IOException("closing the channel that asked about " + queue + " timed out", e);
    }
  }

  private synchronized Connection connection() throws IOException {
    if (connection == null || !connection.isOpen()) {
      try {
        connection = broker.connect(broker.amqpFactory("refinery broker queues"));
      } catch (TimeoutException e) {
        throw new IOException("connecting to " + broker + " timed out", e);
      }
    }
    return connection;
  }

  /** Registers it in the platform MBean server, replacing one a previous start left behind. */
  void register() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      ObjectName name = new ObjectName(NAME);
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
      server.registerMBean(this, name);
    } catch (JMException e) {
      RabbitResourceAdapter.LOG.log(Level.WARNING, "Cannot register " + NAME, e);
    }
  }

  /** Unregisters it and closes its connection. */
  synchronized void close() {
    try {
      ObjectName name = new ObjectName(NAME);
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (JMException e) {
      RabbitResourceAdapter.LOG.log(Level.WARNING, "Cannot unregister " + NAME, e);
    }
    if (connection != null && connection.isOpen()) {
      try {
        connection.close(1_000);
      } catch (IOException | RuntimeException e) {
        RabbitResourceAdapter.LOG.log(Level.DEBUG, "Closing the queue reader: " + e);
      }
    }
    connection = null;
  }
}
