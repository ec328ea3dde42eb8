package dev.refinery.rabbitmq;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.Subject;

/**
 * Outbound connection definition: pooled AMQP connections handed to the application as a {@code
 * jakarta.jms.ConnectionFactory} whose sends join the JTA transaction (LocalTransaction).
 */
public class RabbitManagedConnectionFactory
    implements ManagedConnectionFactory,
        ResourceAdapterAssociation,
        ValidatingManagedConnectionFactory {

  private static final long serialVersionUID = 1L;

  private transient RabbitResourceAdapter adapter;
  private transient PrintWriter logWriter;

  @Override
  public Object createConnectionFactory(ConnectionManager manager) {
    return new PooledConnectionFactory(this, manager);
  }

  @Override
  public Object createConnectionFactory() {
    return new PooledConnectionFactory(
        this,
        (factory, info) -> factory.createManagedConnection(null, info).getConnection(null, info));
  }

  @Override
  public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    BrokerSettings broker = adapter.broker();
    try {
      AtomicReference<com.rabbitmq.client.Connection> amqp = new AtomicReference<>();
      Connection physical =
          broker.connect(broker.connectionFactory("refinery producer", amqp::set));
      return new RabbitManagedConnection(physical, amqp.get(), adapter.declarations());
    } catch (JMSException | RuntimeException e) {
      throw new ResourceException(
          "Cannot connect to RabbitMQ at " + broker + ": " + e.getMessage(), e);
    }
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ManagedConnection matchManagedConnections(
      Set candidates, Subject subject, ConnectionRequestInfo info) {
    for (Object candidate : candidates) {
      if (candidate instanceof RabbitManagedConnection connection && connection.valid()) {
        return connection;
      }
    }
    return null;
  }

  /** Connection validation for the pool: connections whose broker link broke. */
  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Set getInvalidConnections(Set connections) {
    Set invalid = new HashSet<>();
    for (Object candidate : connections) {
      if (candidate instanceof RabbitManagedConnection connection && !connection.valid()) {
        invalid.add(connection);
      }
    }
    return invalid;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
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
  public boolean equals(Object other) {
    return other instanceof RabbitManagedConnectionFactory factory && factory.adapter == adapter;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(adapter);
  }
}
