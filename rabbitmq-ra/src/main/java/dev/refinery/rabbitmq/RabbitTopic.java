package dev.refinery.rabbitmq;

import com.rabbitmq.jms.admin.RMQDestination;
import java.util.Map;

/** A JMS topic whose durable subscription queue is declared with the given arguments. */
final class RabbitTopic extends RMQDestination {

  private static final long serialVersionUID = 1L;

  RabbitTopic(String name, Map<String, Object> subscriptionQueueArguments) {
    super(name, false, false, subscriptionQueueArguments);
  }
}
