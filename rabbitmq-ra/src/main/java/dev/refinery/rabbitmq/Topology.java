package dev.refinery.rabbitmq;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Declares, over one AMQP connection, what the adapter's destinations need: queues (with the
 * arguments {@link QueueDeclarations} gives their name), topic exchanges whose unroutable messages
 * go to the alternate exchange and its parking queue, and bindings. Each is declared once per
 * connection; a declaration repeated by another connection or instance is a no-op on the broker.
 */
final class Topology {

  private final Connection amqp;
  private final QueueDeclarations declarations;
  private final Set<String> declared = ConcurrentHashMap.newKeySet();

  Topology(Connection amqp, QueueDeclarations declarations) {
    this.amqp = amqp;
    this.declarations = declarations;
  }

  /** The queue of this name, as {@link QueueDeclarations} says it is declared. */
  void queue(String name) throws IOException {
    if (declared.contains("queue " + name)) {
      return;
    }
    run(channel -> channel.queueDeclare(name, true, false, false, declarations.argumentsFor(name)));
    declared.add("queue " + name);
  }

  /** A durable topic exchange whose messages no binding matches go to the alternate exchange. */
  void exchange(String name) throws IOException {
    if (name.isEmpty() || declared.contains("exchange " + name)) {
      return;
    }
    String unrouted = declarations.unroutedQueue();
    queue(unrouted);
    run(
        channel -> {
          channel.exchangeDeclare(unrouted, BuiltinExchangeType.FANOUT, true);
          channel.queueBind(unrouted, unrouted, "");
          channel.exchangeDeclare(
              name, BuiltinExchangeType.TOPIC, true, false, Map.of("alternate-exchange", unrouted));
        });
    declared.add("exchange " + name);
  }

  /** Queue {@code queue} receives what is published to {@code exchange} with this routing key. */
  void bind(String queue, String exchange, String routingKey) throws IOException {
    String binding = "binding " + queue + " " + exchange + " " + routingKey;
    if (declared.contains(binding)) {
      return;
    }
    queue(queue);
    exchange(exchange);
    run(channel -> channel.queueBind(queue, exchange, routingKey));
    declared.add(binding);
  }

  private interface Declaration {
    void on(Channel channel) throws IOException;
  }

  /** A short-lived channel per declaration: a refused one (406, 404) closes only it. */
  private void run(Declaration declaration) throws IOException {
    try (Channel channel = amqp.createChannel()) {
      declaration.on(channel);
    } catch (TimeoutException e) {
      throw new IOException("closing a declaration channel timed out", e);
    }
  }
}
