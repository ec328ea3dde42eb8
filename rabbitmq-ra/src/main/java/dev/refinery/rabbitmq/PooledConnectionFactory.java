package dev.refinery.rabbitmq;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;

/**
 * What the application looks up or injects: each {@code createConnection()} borrows a pooled
 * connection, and {@code close()} gives it back. Inside a JTA transaction its sessions are
 * transacted by the container: a rollback discards what was sent.
 */
public class PooledConnectionFactory implements ConnectionFactory, Serializable, Referenceable {

  private static final long serialVersionUID = 1L;

  private final RabbitManagedConnectionFactory managedFactory;
  private final ConnectionManager manager;
  private Reference reference;

  PooledConnectionFactory(
      RabbitManagedConnectionFactory managedFactory, ConnectionManager manager) {
    this.managedFactory = managedFactory;
    this.manager = manager;
  }

  @Override
  public Connection createConnection() throws JMSException {
    try {
      return (Connection) manager.allocateConnection(managedFactory, null);
    } catch (ResourceException e) {
      JMSException failure =
          new JMSException("Cannot borrow a RabbitMQ connection: " + e.getMessage());
      failure.setLinkedException(e);
      failure.initCause(e);
      throw failure;
    }
  }

  @Override
  public Connection createConnection(String user, String password) throws JMSException {
    return createConnection();
  }

  @Override
  public JMSContext createContext() {
    return createContext(JMSContext.AUTO_ACKNOWLEDGE);
  }

  @Override
  public JMSContext createContext(String user, String password) {
    return createContext();
  }

  @Override
  public JMSContext createContext(String user, String password, int sessionMode) {
    return createContext(sessionMode);
  }

  /**
   * The session mode is the container's to decide inside a transaction; outside, auto-acknowledge.
   */
  @Override
  public JMSContext createContext(int sessionMode) {
    try {
      return new PooledJmsContext(createConnection());
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }

  @Override
  public void setReference(Reference reference) {
    this.reference = reference;
  }

  @Override
  public Reference getReference() {
    return reference;
  }
}
