package dev.refinery.shared.infrastructure.management;

import jakarta.ejb.EJBException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The operators' MBeans, all under {@value #DOMAIN}, on the platform MBean server. */
public final class Jmx {

  public static final String DOMAIN = "dev.refinery";

  private Jmx() {}

  public static ObjectName name(String properties) {
    try {
      return new ObjectName(DOMAIN + ":" + properties);
    } catch (JMException e) {
      throw new IllegalArgumentException(properties, e);
    }
  }

  /**
   * Registers an MXBean whose calls run as calls of the application ({@link ApplicationCalls}): JMX
   * calls come on threads the application did not start. A failure reaches the JMX client as a JDK
   * exception with the application's message (the client cannot load the application's exception
   * classes).
   */
  public static <T> void register(
      T implementation, Class<T> type, ObjectName name, ApplicationCalls calls) {
    register(inApplication(implementation, type, calls), name);
  }

  /** The implementation behind a proxy whose every call goes through {@code calls}. */
  public static <T> T inApplication(T implementation, Class<T> type, ApplicationCalls calls) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, arguments) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.invoke(implementation, arguments);
              }
              try {
                return calls.invoke(implementation, method, arguments);
              } catch (EJBException e) {
                throw new IllegalStateException(message(e.getCause() == null ? e : e.getCause()));
              } catch (RuntimeException e) {
                throw new IllegalArgumentException(message(e));
              }
            }));
  }

  private static String message(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** Registers the MBean, replacing one a previous deployment left under the same name. */
  public static void register(Object mbean, ObjectName name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
      server.registerMBean(mbean, name);
    } catch (JMException e) {
      throw new IllegalStateException("cannot register " + name, e);
    }
  }

  public static void unregister(ObjectName name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (JMException e) {
      throw new IllegalStateException("cannot unregister " + name, e);
    }
  }
}
