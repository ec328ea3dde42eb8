package dev.refinery.rabbitmq;

import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

/**
 * A JMS queue that is the AMQP queue of the same name, in the JMS client's AMQP mode: a send
 * publishes the message's bytes to the default exchange with the queue's name as routing key, a
 * consumer reads the queue's messages as they are, whoever published them. The JMS client never
 * declares it: the adapter does, with the arguments {@link QueueDeclarations} gives the name,
 * before the first send or consume. Also the administered object for {@code jakarta.jms.Queue},
 * which the server creates and names.
 */
public class RabbitQueue extends RMQDestination implements ResourceAdapterAssociation {

  private static final long serialVersionUID = 1L;

  private transient RabbitResourceAdapter adapter;

  /** For the server, which sets {@code destinationName} afterwards. */
  public RabbitQueue() {
    super();
  }

  RabbitQueue(String name) {
    super(name, "", name, name);
  }

  @Override
  public void setDestinationName(String name) {
    super.setDestinationName(name);
    setAmqp(true);
    setAmqpExchangeName("");
    setAmqpRoutingKey(name);
    setAmqpQueueName(name);
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return adapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter adapter) {
    this.adapter = (RabbitResourceAdapter) adapter;
  }
}
