package dev.refinery.rabbitmq;

import static dev.refinery.rabbitmq.RabbitResourceAdapter.LOG;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * One pooled AMQP connection with two cached sessions (channels): a transacted one while the
 * container's LocalTransaction is active (AMQP tx: the commit publishes) and an auto-acknowledge
 * one otherwise.
 */
final class RabbitManagedConnection implements ManagedConnection {

  private final Connection physical;
  private final QueueDeclarations declarations;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<ConnectionHandle> handles = ConcurrentHashMap.newKeySet();
  private final Topology topology;
  private Session transactedSession;
  private Session plainSession;
  private volatile boolean inLocalTransaction;
  private volatile boolean broken;
  private PrintWriter logWriter;

  RabbitManagedConnection(
      Connection physical, com.rabbitmq.client.Connection amqp, QueueDeclarations declarations)
      throws JMSException {
    this.physical = physical;
    this.declarations = declarations;
    this.topology = new Topology(amqp, declarations);
    physical.setExceptionListener(
        e -> {
          broken = true;
          LOG.log(Level.WARNING, "A pooled RabbitMQ connection broke: {0}", e.getMessage());
          fire(ConnectionEvent.CONNECTION_ERROR_OCCURRED, null, e);
        });
  }

  boolean valid() {
    return !broken;
  }

  boolean inLocalTransaction() {
    return inLocalTransaction;
  }

  /** The queue of that name, declared once per connection rather than before every send. */
  RabbitQueue queue(String name) throws JMSException {
    try {
      topology.queue(name);
    } catch (IOException | RuntimeException e) {
      throw declarationFailed("queue " + name, e);
    }
    return declarations.queue(name);
  }

  /** The topic {@code <exchange>/<routing key>}, its exchange declared once per connection. */
  RabbitTopic topic(String name) throws JMSException {
    RabbitTopic topic = RabbitTopic.of(name);
    try {
      topology.exchange(topic.exchange());
    } catch (IOException | RuntimeException e) {
      throw declarationFailed("exchange " + topic.exchange(), e);
    }
    return topic;
  }

  /**
   * A durable subscription named {@code queue} to the topic: the queue, bound to its exchange and
   * key.
   */
  void subscribe(Topic topic, String queue) throws JMSException {
    RabbitTopic amqp = RabbitTopic.of(topic.getTopicName());
    try {
      topology.bind(queue, amqp.exchange(), amqp.routingKey());
    } catch (IOException | RuntimeException e) {
      throw declarationFailed("binding of " + queue + " to " + amqp.getTopicName(), e);
    }
  }

  private static JMSException declarationFailed(String what, Exception cause) {
    JMSException failure =
        new JMSException("Declaring the " + what + " failed: " + cause.getMessage());
    failure.setLinkedException(cause);
    failure.initCause(cause);
    return failure;
  }

  Connection physical() {
    return physical;
  }

  @Override
  public Object getConnection(Subject subject, ConnectionRequestInfo info) {
    ConnectionHandle handle = new ConnectionHandle(this);
    handles.add(handle);
    return handle.proxy();
  }

  synchronized Session session() throws JMSException {
    if (inLocalTransaction) {
      if (transactedSession == null) {
        transactedSession = physical.createSession(true, Session.SESSION_TRANSACTED);
      }
      return transactedSession;
    }
    if (plainSession == null) {
      plainSession = physical.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }
    return plainSession;
  }

  void closed(ConnectionHandle handle) {
    handles.remove(handle);
    fire(ConnectionEvent.CONNECTION_CLOSED, handle.proxy(), null);
  }

  void adopt(ConnectionHandle handle) {
    handles.add(handle);
  }

  void release(ConnectionHandle handle) {
    handles.remove(handle);
  }

  private void fire(int type, Object handle, Exception cause) {
    ConnectionEvent event =
        cause == null ? new ConnectionEvent(this, type) : new ConnectionEvent(this, type, cause);
    if (handle != null) {
      event.setConnectionHandle(handle);
    }
    for (ConnectionEventListener listener : listeners) {
      if (type == ConnectionEvent.CONNECTION_CLOSED) {
        listener.connectionClosed(event);
      } else if (type == ConnectionEvent.CONNECTION_ERROR_OCCURRED) {
        listener.connectionErrorOccurred(event);
      }
    }
  }

  @Override
  public LocalTransaction getLocalTransaction() {
    return new LocalTransaction() {
      @Override
      public void begin() {
        inLocalTransaction = true;
      }

      @Override
      public void commit() throws ResourceException {
        end(true);
      }

      @Override
      public void rollback() throws ResourceException {
        end(false);
      }
    };
  }

  private synchronized void end(boolean commit) throws ResourceException {
    try {
      if (transactedSession != null) {
        if (commit) {
          transactedSession.commit();
        } else {
          transactedSession.rollback();
        }
      }
    } catch (JMSException e) {
      broken = true;
      throw new ResourceException(
          "AMQP transaction " + (commit ? "commit" : "rollback") + " failed: " + e.getMessage(), e);
    } finally {
      inLocalTransaction = false;
    }
  }

  @Override
  public XAResource getXAResource() throws ResourceException {
    throw new NotSupportedException("RabbitMQ has no XA; use LocalTransaction");
  }

  @Override
  public void cleanup() {
    handles.forEach(ConnectionHandle::invalidate);
    handles.clear();
  }

  @Override
  public void destroy() {
    cleanup();
    try {
      physical.close();
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.DEBUG, "Closing a pooled connection failed: {0}", e.getMessage());
    }
  }

  @Override
  public void associateConnection(Object connection) {
    ConnectionHandle.of(connection).moveTo(this);
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public ManagedConnectionMetaData getMetaData() {
    return new ManagedConnectionMetaData() {
      @Override
      public String getEISProductName() {
        return "RabbitMQ";
      }

      @Override
      public String getEISProductVersion() {
        return "AMQP 0-9-1";
      }

      @Override
      public int getMaxConnections() {
        return 0;
      }

      @Override
      public String getUserName() {
        return null;
      }
    };
  }
}
