package dev.refinery.rabbitmq;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.io.Serializable;

/**
 * What a message-driven bean consumes. Activation-config properties: {@code destination} (a queue
 * name) or {@code destinationLookup} (a JNDI name of a {@link RabbitQueue}); {@code
 * destinationType} ({@code jakarta.jms.Queue}, the default, or {@code jakarta.jms.Topic} with a
 * {@code subscriptionName}, consumed as a shared durable subscription); {@code maxSessions}, how
 * many messages are processed at once (the server's MDB pool must allow as many).
 */
public class RabbitActivationSpec implements ActivationSpec, Serializable {

  private static final long serialVersionUID = 1L;
  static final String QUEUE = "jakarta.jms.Queue";
  static final String TOPIC = "jakarta.jms.Topic";

  private transient RabbitResourceAdapter adapter;
  private String destination;
  private String destinationLookup;
  private String destinationType = QUEUE;
  private String subscriptionName;
  private Integer maxSessions = 1;

  @Override
  public void validate() throws InvalidPropertyException {
    if (blank(destination) && blank(destinationLookup)) {
      throw new InvalidPropertyException(
          "set 'destination' (a queue or topic name) or 'destinationLookup'");
    }
    if (!QUEUE.equals(destinationType) && !TOPIC.equals(destinationType)) {
      throw new InvalidPropertyException(
          "destinationType must be " + QUEUE + " or " + TOPIC + ", not '" + destinationType + "'");
    }
    if (isTopic() && blank(subscriptionName)) {
      throw new InvalidPropertyException(
          "a topic is consumed through a shared durable subscription: set 'subscriptionName'");
    }
    if (maxSessions == null || maxSessions < 1) {
      throw new InvalidPropertyException("maxSessions must be at least 1, not " + maxSessions);
    }
  }

  boolean isTopic() {
    return TOPIC.equals(destinationType);
  }

  /** The AMQP queue this activation reads: the queue itself, or the topic's subscription queue. */
  String queueName() {
    return isTopic() ? subscriptionName : destination;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }

  public String getDestinationLookup() {
    return destinationLookup;
  }

  public void setDestinationLookup(String destinationLookup) {
    this.destinationLookup = destinationLookup;
  }

  public String getDestinationType() {
    return destinationType;
  }

  public void setDestinationType(String destinationType) {
    this.destinationType = destinationType;
  }

  public String getSubscriptionName() {
    return subscriptionName;
  }

  public void setSubscriptionName(String subscriptionName) {
    this.subscriptionName = subscriptionName;
  }

  public Integer getMaxSessions() {
    return maxSessions;
  }

  public void setMaxSessions(Integer maxSessions) {
    this.maxSessions = maxSessions;
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return adapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter adapter) {
    this.adapter = (RabbitResourceAdapter) adapter;
  }

  @Override
  public String toString() {
    String name = blank(destinationLookup) ? destination : destinationLookup;
    return (isTopic()
            ? "topic " + name + " (subscription " + subscriptionName + ")"
            : "queue " + name)
        + " x"
        + maxSessions;
  }
}
