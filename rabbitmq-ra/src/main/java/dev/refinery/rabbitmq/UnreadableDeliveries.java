package dev.refinery.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Command;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.TrafficListener;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * A delivery the JMS client cannot turn into a JMS message (published by a plain AMQP client, say,
 * so its body is not the client's serialized form). The client throws from {@code handleDelivery}
 * and leaves the message unacknowledged, which with prefetch 1 stalls that consumer for good, and
 * with it, one by one, the whole queue. Instead the message is moved, body and properties as they
 * came, to the quorum queue {@value #PARKING} (with the reason and where it came from in its
 * headers), where nothing consumes it and an operator finds it; then it is acknowledged, and
 * consuming goes on. If it cannot be parked, it is rejected to the queue's dead-letter exchange.
 * Either way a WARNING says so.
 *
 * <p>The body comes from the connection's traffic listener, which keeps each consumer's latest
 * delivery.
 */
final class UnreadableDeliveries extends ForgivingExceptionHandler implements TrafficListener {

  static final String PARKING = "refinery.unreadable";
  private static final System.Logger LOG = System.getLogger(UnreadableDeliveries.class.getName());
  private static final int MAX_CONSUMERS = 1_000;

  private record Delivered(
      long tag, String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {}

  private final Map<String, Delivered> latest = new ConcurrentHashMap<>();

  /** How the parking queue is declared (a quorum queue, replicated like the others). */
  private final Map<String, Object> parkingArguments;

  UnreadableDeliveries(Map<String, Object> parkingArguments) {
    this.parkingArguments = Map.copyOf(parkingArguments);
  }

  @Override
  public void read(Command command) {
    if (command.getMethod() instanceof AMQP.Basic.Deliver deliver) {
      if (latest.size() >= MAX_CONSUMERS) { // consumer tags of connections long gone
        latest.clear();
      }
      latest.put(
          deliver.getConsumerTag(),
          new Delivered(
              deliver.getDeliveryTag(),
              deliver.getExchange(),
              deliver.getRoutingKey(),
              (AMQP.BasicProperties) command.getContentHeader(),
              command.getContentBody()));
    }
  }

  @Override
  public void write(Command command) {
    // nothing to keep of what we send
  }

  @Override
  public void handleConsumerException(
      Channel channel,
      Throwable exception,
      Consumer consumer,
      String consumerTag,
      String methodName) {
    if (!"handleDelivery".equals(methodName)) {
      super.handleConsumerException(channel, exception, consumer, consumerTag, methodName);
      return;
    }
    String reason = rootCause(exception);
    Delivered delivered = latest.remove(consumerTag);
    if (delivered != null && park(channel, delivered, reason)) {
      LOG.log(
          Level.WARNING,
          "Consumer {0} got a message the JMS client cannot read ({1}; sent to {2} with routing key"
              + " {3}): moved to queue {4}",
          consumerTag,
          reason,
          delivered.exchange(),
          delivered.routingKey(),
          PARKING);
      return;
    }
    LOG.log(
        Level.WARNING,
        "Consumer {0} (channel {1}) got a message the JMS client cannot read ({2}); rejected to the"
            + " queue''s dead-letter queue",
        consumerTag,
        channel.getChannelNumber(),
        reason);
    try {
      // Tag 0 with multiple: every unacknowledged delivery of this channel, which with prefetch 1
      // is this one.
      channel.basicNack(0, true, false);
    } catch (IOException | AlreadyClosedException e) {
      LOG.log(
          Level.WARNING,
          "Could not reject it on channel {0}: {1}; the channel''s closing returns it to the queue",
          channel.getChannelNumber(),
          e.toString());
    }
  }

  /**
   * Publishes a copy to the parking queue with confirms, on a channel of its own, then acknowledges
   * it.
   */
  private boolean park(Channel channel, Delivered delivered, String reason) {
    try (Channel parking = channel.getConnection().createChannel()) {
      parking.confirmSelect();
      parking.queueDeclare(PARKING, true, false, false, parkingArguments);
      AMQP.BasicProperties properties =
          delivered.properties() == null ? new AMQP.BasicProperties() : delivered.properties();
      Map<String, Object> headers =
          new HashMap<>(properties.getHeaders() == null ? Map.of() : properties.getHeaders());
      headers.put("x-refinery-unreadable-reason", reason);
      headers.put("x-refinery-unreadable-exchange", delivered.exchange());
      headers.put("x-refinery-unreadable-routing-key", delivered.routingKey());
      parking.basicPublish(
          "",
          PARKING,
          properties.builder().headers(headers).deliveryMode(2).build(),
          delivered.body());
      parking.waitForConfirmsOrDie(10_000);
      channel.basicAck(delivered.tag(), false);
      return true;
    } catch (IOException | TimeoutException | InterruptedException | AlreadyClosedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.log(
          Level.WARNING, "Could not move an unreadable message to {0}: {1}", PARKING, e.toString());
      return false;
    }
  }

  private static String rootCause(Throwable exception) {
    Throwable cause = exception;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.toString();
  }
}
