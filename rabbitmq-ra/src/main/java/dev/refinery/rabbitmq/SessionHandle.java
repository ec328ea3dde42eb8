package dev.refinery.rabbitmq;

import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A cached session as the application sees it: closing it is a no-op, the container owns commit and
 * rollback, {@code createQueue}/{@code createTopic} return AMQP-mode destinations (declared the one
 * way {@link QueueDeclarations} prescribes), and a durable subscription is declared, not consumed:
 * the queue named after it is bound to the topic's exchange with its routing key, and the consumer
 * returned receives nothing (message-driven beans consume). Producers, consumers and browsers
 * opened through it are closed with the connection handle it came from ({@link OpenedThrough}).
 */
final class SessionHandle implements InvocationHandler {

  private final Session session;
  private final RabbitManagedConnection managed;
  private final OpenedThrough opened;

  private SessionHandle(Session session, RabbitManagedConnection managed, OpenedThrough opened) {
    this.session = session;
    this.managed = managed;
    this.opened = opened;
  }

  static Session wrap(Session session, RabbitManagedConnection managed, OpenedThrough opened) {
    return (Session)
        Proxy.newProxyInstance(
            Session.class.getClassLoader(),
            new Class<?>[] {Session.class},
            new SessionHandle(session, managed, opened));
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "equals":
        return self == args[0];
      case "hashCode":
        return System.identityHashCode(self);
      case "close":
        return null;
      case "commit", "rollback":
        if (managed.inLocalTransaction()) {
          throw new TransactionInProgressException(
              "The container commits or rolls back this session");
        }
        break;
      case "createQueue":
        return managed.queue((String) args[0]);
      case "createTopic":
        return managed.topic((String) args[0]);
      case "createSharedDurableConsumer", "createDurableConsumer", "createDurableSubscriber":
        managed.subscribe((jakarta.jms.Topic) args[0], (String) args[1]);
        return DeclaredSubscription.consumer();
      case "getTransacted":
        return managed.inLocalTransaction();
      default:
        break;
    }
    Object result;
    try {
      result = method.invoke(session, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (result instanceof AutoCloseable resource && opens(method.getName())) {
      opened.add(resource);
    }
    return result;
  }

  /** createProducer, createConsumer, createBrowser and their Queue/Topic-session forms. */
  private static boolean opens(String method) {
    return switch (method) {
      case "createProducer",
          "createConsumer",
          "createSharedConsumer",
          "createBrowser",
          "createSender",
          "createReceiver",
          "createSubscriber",
          "createPublisher" ->
          true;
      default -> false;
    };
  }
}
