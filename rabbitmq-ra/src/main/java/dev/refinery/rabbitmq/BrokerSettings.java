package dev.refinery.rabbitmq;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Where the broker is and who we are to it: one node, or every node of a cluster (a connection goes
 * to any of them, in shuffled order, and the next reconnect tries the others).
 *
 * @param nodes the nodes to connect to, at least one
 * @param quorumGroupSize how many nodes each quorum queue is replicated over when it is first
 *     declared ({@code x-quorum-initial-group-size}); null: the broker's default
 */
record BrokerSettings(
    List<Address> nodes,
    String virtualHost,
    String username,
    String password,
    Integer quorumGroupSize) {

  BrokerSettings {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("RabbitMQ needs at least one node address");
    }
    nodes = List.copyOf(nodes);
  }

  /**
   * The nodes of {@code addresses} ({@code host:port,host:port,...}, the port 5672 when left out),
   * or the one at {@code host} and {@code port} when it is blank.
   */
  static List<Address> nodes(String addresses, String host, int port) {
    if (addresses == null || addresses.isBlank()) {
      return List.of(new Address(host, port));
    }
    List<Address> nodes = new ArrayList<>();
    for (String address : addresses.split(",")) {
      String given = address.strip();
      int colon = given.lastIndexOf(':');
      try {
        nodes.add(
            colon < 0
                ? new Address(given, ConnectionFactory.DEFAULT_AMQP_PORT)
                : new Address(
                    given.substring(0, colon), Integer.parseInt(given.substring(colon + 1))));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "RabbitMQ addresses are host:port,host:port,...; '" + given + "' has no port number");
      }
      if (given.isEmpty() || colon == 0) {
        throw new IllegalArgumentException(
            "RabbitMQ addresses are host:port,host:port,...; one of '"
                + addresses
                + "' has no host");
      }
    }
    return nodes;
  }

  /** A JMS connection through {@code factory} to one of the nodes. */
  jakarta.jms.Connection connect(RMQConnectionFactory factory) throws jakarta.jms.JMSException {
    return factory.createConnection(nodes);
  }

  /** A plain AMQP connection through {@code factory} to one of the nodes. */
  Connection connect(ConnectionFactory factory) throws IOException, TimeoutException {
    return factory.newConnection(nodes);
  }

  /** How Refinery's queues are declared on this broker. */
  QueueDeclarations declarations(int deliveryLimit, String deadLetterQueue) {
    return new QueueDeclarations(deliveryLimit, deadLetterQueue, quorumGroupSize);
  }

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
    factory.setHost(nodes.getFirst().getHost());
    factory.setPort(nodes.getFirst().getPort());
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
              new UnreadableDeliveries( // a message no JMS client wrote must not stall a queue
                  QueueDeclarations.quorum(quorumGroupSize));
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
    factory.setHost(nodes.getFirst().getHost());
    factory.setPort(nodes.getFirst().getPort());
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
        + String.join(",", nodes.stream().map(Address::toString).toList())
        + (virtualHost.startsWith("/") ? "" : "/")
        + virtualHost;
  }
}
