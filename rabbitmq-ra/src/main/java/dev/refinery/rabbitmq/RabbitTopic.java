package dev.refinery.rabbitmq;

import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Topic;

/**
 * A JMS topic named {@code <exchange>/<routing key>}: a send publishes to that AMQP exchange (a
 * durable topic exchange the adapter declares) with that routing key, in the JMS client's AMQP
 * mode. A durable subscription named S to it is the queue S bound to the exchange with the routing
 * key.
 */
final class RabbitTopic extends RMQDestination implements Topic {

  private static final long serialVersionUID = 1L;

  private final String exchange;
  private final String routingKey;

  private RabbitTopic(String name, String exchange, String routingKey) {
    super(name, exchange, routingKey, null);
    this.exchange = exchange;
    this.routingKey = routingKey;
  }

  static RabbitTopic of(String name) throws InvalidDestinationException {
    int slash = name == null ? -1 : name.indexOf('/');
    if (slash <= 0 || slash == name.length() - 1) {
      throw new InvalidDestinationException(
          "a topic is named <exchange>/<routing key>, e.g."
              + " refinery.events/taskmanagement.TaskCreated, not "
              + name);
    }
    return new RabbitTopic(name, name.substring(0, slash), name.substring(slash + 1));
  }

  String exchange() {
    return exchange;
  }

  String routingKey() {
    return routingKey;
  }

  @Override
  public String getTopicName() {
    return getDestinationName();
  }
}
