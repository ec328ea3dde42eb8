package dev.refinery.rabbitmq;

import com.rabbitmq.jms.client.PooledContextSupport;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;

/**
 * A {@link JMSContext} on one pooled connection and its session, which is what {@code @Inject
 * JMSContext} gets: inside a JTA transaction the session is transacted by the container; closing
 * the context returns the connection to the pool. Connection-level settings are the pool's, as in
 * any Jakarta EE container.
 */
final class PooledJmsContext implements JMSContext {

  private final Connection connection;
  private Session session;

  PooledJmsContext(Connection connection) {
    this.connection = connection;
  }

  private synchronized Session session() {
    if (session == null) {
      session = call(() -> ConnectionHandle.of(connection).session());
    }
    return session;
  }

  @Override
  public JMSProducer createProducer() {
    return PooledContextSupport.producer(session(), call(() -> session().createProducer(null)));
  }

  @Override
  public void close() {
    run(connection::close);
  }

  @Override
  public boolean getTransacted() {
    return call(() -> session().getTransacted());
  }

  @Override
  public int getSessionMode() {
    return getTransacted() ? SESSION_TRANSACTED : AUTO_ACKNOWLEDGE;
  }

  @Override
  public void commit() {
    run(() -> session().commit());
  }

  @Override
  public void rollback() {
    run(() -> session().rollback());
  }

  @Override
  public void recover() {
    run(() -> session().recover());
  }

  @Override
  public void acknowledge() {}

  @Override
  public BytesMessage createBytesMessage() {
    return call(() -> session().createBytesMessage());
  }

  @Override
  public MapMessage createMapMessage() {
    return call(() -> session().createMapMessage());
  }

  @Override
  public Message createMessage() {
    return call(() -> session().createMessage());
  }

  @Override
  public ObjectMessage createObjectMessage() {
    return call(() -> session().createObjectMessage());
  }

  @Override
  public ObjectMessage createObjectMessage(Serializable object) {
    return call(() -> session().createObjectMessage(object));
  }

  @Override
  public StreamMessage createStreamMessage() {
    return call(() -> session().createStreamMessage());
  }

  @Override
  public TextMessage createTextMessage() {
    return call(() -> session().createTextMessage());
  }

  @Override
  public TextMessage createTextMessage(String text) {
    return call(() -> session().createTextMessage(text));
  }

  @Override
  public Queue createQueue(String name) {
    return call(() -> session().createQueue(name));
  }

  @Override
  public Topic createTopic(String name) {
    return call(() -> session().createTopic(name));
  }

  @Override
  public TemporaryQueue createTemporaryQueue() {
    return call(() -> session().createTemporaryQueue());
  }

  @Override
  public TemporaryTopic createTemporaryTopic() {
    return call(() -> session().createTemporaryTopic());
  }

  @Override
  public QueueBrowser createBrowser(Queue queue) {
    return call(() -> session().createBrowser(queue));
  }

  @Override
  public QueueBrowser createBrowser(Queue queue, String selector) {
    return call(() -> session().createBrowser(queue, selector));
  }

  @Override
  public void unsubscribe(String name) {
    run(() -> session().unsubscribe(name));
  }

  @Override
  public JMSConsumer createConsumer(Destination destination) {
    return consumer(call(() -> session().createConsumer(destination)));
  }

  @Override
  public JMSConsumer createConsumer(Destination destination, String selector) {
    return consumer(call(() -> session().createConsumer(destination, selector)));
  }

  @Override
  public JMSConsumer createConsumer(Destination destination, String selector, boolean noLocal) {
    return consumer(call(() -> session().createConsumer(destination, selector, noLocal)));
  }

  @Override
  public JMSConsumer createSharedConsumer(Topic topic, String name) {
    return consumer(call(() -> session().createSharedConsumer(topic, name)));
  }

  @Override
  public JMSConsumer createSharedConsumer(Topic topic, String name, String selector) {
    return consumer(call(() -> session().createSharedConsumer(topic, name, selector)));
  }

  @Override
  public JMSConsumer createDurableConsumer(Topic topic, String name) {
    return consumer(call(() -> session().createDurableConsumer(topic, name)));
  }

  @Override
  public JMSConsumer createDurableConsumer(
      Topic topic, String name, String selector, boolean noLocal) {
    return consumer(call(() -> session().createDurableConsumer(topic, name, selector, noLocal)));
  }

  @Override
  public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
    return consumer(call(() -> session().createSharedDurableConsumer(topic, name)));
  }

  @Override
  public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String selector) {
    return consumer(call(() -> session().createSharedDurableConsumer(topic, name, selector)));
  }

  @Override
  public ConnectionMetaData getMetaData() {
    return call(connection::getMetaData);
  }

  @Override
  public String getClientID() {
    return call(connection::getClientID);
  }

  @Override
  public ExceptionListener getExceptionListener() {
    return null;
  }

  @Override
  public boolean getAutoStart() {
    return true;
  }

  @Override
  public void start() {}

  @Override
  public void stop() {
    throw managedByContainer("stop");
  }

  @Override
  public void setClientID(String clientId) {
    throw managedByContainer("setClientID");
  }

  @Override
  public void setExceptionListener(ExceptionListener listener) {
    throw managedByContainer("setExceptionListener");
  }

  @Override
  public void setAutoStart(boolean autoStart) {
    throw managedByContainer("setAutoStart");
  }

  @Override
  public JMSContext createContext(int sessionMode) {
    throw managedByContainer("createContext");
  }

  private JMSConsumer consumer(jakarta.jms.MessageConsumer consumer) {
    return PooledContextSupport.consumer(session(), consumer);
  }

  private static IllegalStateRuntimeException managedByContainer(String method) {
    return new IllegalStateRuntimeException(
        method + " is not allowed on a container-managed JMSContext");
  }

  private interface JmsCall<T> {
    T call() throws JMSException;
  }

  private interface JmsRun {
    void run() throws JMSException;
  }

  private static <T> T call(JmsCall<T> call) {
    try {
      return call.call();
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }

  private static void run(JmsRun run) {
    call(
        () -> {
          run.run();
          return null;
        });
  }
}
