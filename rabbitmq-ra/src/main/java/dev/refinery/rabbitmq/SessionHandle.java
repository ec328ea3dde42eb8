package dev.refinery.rabbitmq;

import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A cached session as the application sees it: closing it is a no-op, the container owns commit and
 * rollback, and {@code createQueue}/{@code createTopic} return destinations declared the one way
 * {@link QueueDeclarations} prescribes.
 */
final class SessionHandle implements InvocationHandler {

  private final Session session;
  private final RabbitManagedConnection managed;

  private SessionHandle(Session session, RabbitManagedConnection managed) {
    this.session = session;
    this.managed = managed;
  }

  static Session wrap(Session session, RabbitManagedConnection managed) {
    return (Session) Proxy.newProxyInstance(
        Session.class.getClassLoader(), new Class<?>[] {Session.class}, new SessionHandle(session, managed));
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "equals": return self == args[0];
      case "hashCode": return System.identityHashCode(self);
      case "close": return null;
      case "commit", "rollback":
        if (managed.inLocalTransaction()) {
          throw new TransactionInProgressException("The container commits or rolls back this session");
        }
        break;
      case "createQueue": return managed.queue((String) args[0]);
      case "getTransacted": return managed.inLocalTransaction();
      default: break;
    }
    try {
      return method.invoke(session, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
