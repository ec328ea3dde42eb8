package dev.refinery.shared.monitoring;

import jakarta.enterprise.concurrent.ContextService;
import java.lang.management.ManagementFactory;
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
   * Registers an MXBean whose calls run in the application's context (its persistence units, its
   * transactions), as JMX calls come on threads the application did not start.
   */
  public static <T> void register(T implementation, Class<T> type, ObjectName name, ContextService context) {
    register(context.createContextualProxy(implementation, type), name);
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
