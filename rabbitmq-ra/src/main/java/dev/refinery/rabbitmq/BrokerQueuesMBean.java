package dev.refinery.rabbitmq;

/**
 * What the broker says of a queue, for the application's operators (its Fleet page) and any JMX
 * client: {@code dev.refinery.rabbitmq:type=BrokerQueues}.
 */
public interface BrokerQueuesMBean {

  /**
   * The queue's ready messages and consumers, as {@code [messages, consumers]}; {@code [-1, -1]}
   * when the broker has no such queue.
   */
  long[] figures(String queue) throws java.io.IOException;
}
