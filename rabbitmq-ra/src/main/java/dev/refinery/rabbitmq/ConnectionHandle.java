package dev.refinery.rabbitmq;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Session;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The application's view of a pooled connection: {@code close()} closes the producers, consumers
 * and browsers opened through it and returns it to the pool; sessions are the managed connection's
 * cached ones; start/stop/exception listeners belong to the pool, not the caller.
 */
final class ConnectionHandle implements InvocationHandler {

  private volatile RabbitManagedConnection managed;
  private volatile boolean closed;
  private final Connection proxy;
  private final OpenedThrough opened = new OpenedThrough();

  ConnectionHandle(RabbitManagedConnection managed) {
    this.managed = managed;
    this.proxy =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, this);
  }

  static ConnectionHandle of(Object proxy) {
    return (ConnectionHandle) Proxy.getInvocationHandler(proxy);
  }

  Connection proxy() {
    return proxy;
  }

  void invalidate() {
    closed = true;
  }

  void moveTo(RabbitManagedConnection target) {
    managed.release(this);
    managed = target;
    target.adopt(this);
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "equals":
        return self == args[0];
      case "hashCode":
        return System.identityHashCode(self);
      case "toString":
        return "pooled RabbitMQ connection";
      case "close":
        if (!closed) {
          closed = true;
          opened.closeAll();
          managed.closed(this);
        }
        return null;
      case "start", "stop", "setExceptionListener", "setClientID":
        return null;
      default:
        break;
    }
    if (closed) {
      throw new IllegalStateException("This pooled connection was closed");
    }
    if (method.getName().equals("createSession")) {
      return SessionHandle.wrap(managed.session(), managed, opened);
    }
    try {
      return method.invoke(managed.physical(), args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Used by {@link PooledJmsContext}, which needs the session without a second proxy layer. */
  Session session() throws jakarta.jms.JMSException {
    if (closed) {
      throw new IllegalStateException("This pooled connection was closed");
    }
    return SessionHandle.wrap(managed.session(), managed, opened);
  }
}
