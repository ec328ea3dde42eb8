package dev.refinery.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import java.util.List;
import java.util.function.Consumer;

/** Where the broker is and who we are to it. */
record BrokerSettings(String host, int port, String virtualHost, String username, String password) {

  /** A client factory for these settings, tuned the way every connection of this adapter needs. */
  RMQConnectionFactory connectionFactory(String connectionName, Consumer<Connection> connected) {
    return connectionFactory(connectionName, amqp -> {}, connected);
  }

  /**
   * The same, with more settings for the underlying AMQP connection factory; {@code connected} is
   * given each AMQP connection the factory opens (for declarations the JMS client does not make in
   * AMQP mode).
   */
  RMQConnectionFactory connectionFactory(
      String connectionName,
      Consumer<ConnectionFactory> amqpSettings,
      Consumer<Connection> connected) {
    RMQConnectionFactory factory = new RMQConnectionFactory();
    factory.setHost(host);
    factory.setPort(port);
    factory.setVirtualHost(virtualHost);
    factory.setUsername(username);
    factory.setPassword(password);
    // The client's own requeue nacks and then cancels the consumer: acks and redeliveries are ours.
    factory.setRequeueOnMessageListenerException(false);
    // Its default cancels any onMessage slower than 2 s.
    factory.setOnMessageTimeoutMs(Integer.MAX_VALUE);
    // Every destination is in AMQP mode (the body is the message's bytes, never the client's
    // Java-serialized form): nothing needs deserializing, so no package is trusted (the client's
    // default trusts all).
    factory.setTrustedPackages(List.of());
    factory.setAmqpPropertiesCustomiser(new WireProperties());
    factory.setAmqpConnectionPostProcessor(connected);
    factory.setAmqpConnectionFactoryPostProcessor(
        amqp -> {
          amqp.setConnectionTimeout(5_000);
          amqp.setAutomaticRecoveryEnabled(false); // the adapter reconnects itself, with backoff
          UnreadableDeliveries unreadable =
              new UnreadableDeliveries(); // a message no JMS client wrote must not stall a queue
          amqp.setTrafficListener(unreadable);
          amqp.setExceptionHandler(unreadable);
          amqp.getClientProperties().put("connection_name", connectionName);
          amqpSettings.accept(amqp);
        });
    return factory;
  }

  /** A plain AMQP client factory for these settings (for reading the broker, never consuming). */
  ConnectionFactory amqpFactory(String connectionName) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(host);
    factory.setPort(port);
    factory.setVirtualHost(virtualHost);
    factory.setUsername(username);
    factory.setPassword(password);
    factory.setConnectionTimeout(5_000);
    factory.setAutomaticRecoveryEnabled(false);
    factory.getClientProperties().put("connection_name", connectionName);
    return factory;
  }

  @Override
  public String toString() {
    return username
        + "@"
        + host
        + ":"
        + port
        + (virtualHost.startsWith("/") ? "" : "/")
        + virtualHost;
  }
}
