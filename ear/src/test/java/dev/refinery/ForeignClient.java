package dev.refinery;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Another AMQP client on the tests' virtual host (plain RabbitMQ Java client, no Refinery code), as
 * a team in another language would publish to Refinery's queues.
 */
final class ForeignClient implements AutoCloseable {

  private final Connection connection;
  private final Channel channel;

  ForeignClient(String vhost) throws Exception {
    ConnectionFactory amqp = new ConnectionFactory();
    amqp.setHost("127.0.0.1");
    amqp.setVirtualHost(vhost);
    connection = amqp.newConnection();
    channel = connection.createChannel();
  }

  /** Publishes the body to the exchange ({@code ""}: straight to the queue the key names). */
  ForeignClient publish(
      String exchange, String routingKey, AMQP.BasicProperties properties, String body)
      throws Exception {
    channel.basicPublish(exchange, routingKey, properties, body.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** A JSON message of the type, with a fresh message id and, when given, a task id. */
  static AMQP.BasicProperties typed(String type, String correlationId) {
    return new AMQP.BasicProperties.Builder()
        .messageId(UUID.randomUUID().toString())
        .correlationId(correlationId)
        .contentType("application/json")
        .headers(Map.of("type", type))
        .build();
  }

  /**
   * Publishes a body that is not JSON to Task Management's queue, as a broken client would: it
   * becomes a dead letter (and raises the dead letters alert).
   */
  static void publishNotJson(String vhost, String marker) {
    try (ForeignClient client = new ForeignClient(vhost)) {
      client.publish(
          "",
          "refinery.taskmanagement",
          typed("taskmanagement.CreateTask", null),
          "{not json, " + marker);
    } catch (Exception e) {
      throw new IllegalStateException("publishing a message that is not JSON failed", e);
    }
  }

  @Override
  public void close() throws Exception {
    channel.close();
    connection.close();
  }
}
