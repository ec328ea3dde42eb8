package dev.refinery.rabbitmq;

import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.util.Map;

/**
 * A JMS queue mapped to the AMQP queue of the same name, declared with the arguments
 * {@link QueueDeclarations} gives that name. Also the administered object for {@code jakarta.jms.Queue}:
 * created by the server, it takes the arguments from its resource adapter's declarations.
 */
public class RabbitQueue extends RMQDestination implements ResourceAdapterAssociation {

  private static final long serialVersionUID = 1L;

  private transient RabbitResourceAdapter adapter;
  private final Map<String, Object> arguments;

  /** For the server, which sets {@code destinationName} afterwards. */
  public RabbitQueue() {
    super("", true, false, null);
    this.arguments = null;
  }

  RabbitQueue(String name, Map<String, Object> arguments) {
    super(name, true, false, arguments);
    this.arguments = arguments;
  }

  @Override
  public void setDestinationName(String name) {
    super.setDestinationName(name);
    setAmqpExchangeName("jms.durable.queues");
    setAmqpRoutingKey(name);
    setAmqpQueueName(name);
  }

  @Override
  public Map<String, Object> getQueueDeclareArguments() {
    if (arguments != null) {
      return arguments;
    }
    QueueDeclarations declarations =
        adapter != null ? adapter.declarations() : RabbitResourceAdapter.DEFAULT_DECLARATIONS;
    return declarations.argumentsFor(getDestinationName());
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
