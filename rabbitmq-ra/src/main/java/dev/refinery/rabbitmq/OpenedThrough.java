package dev.refinery.rabbitmq;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The producers, consumers and browsers an application opened through one handle of a pooled
 * connection, closed when it closes the handle, as closing a JMS connection closes what its
 * sessions opened. The physical session outlives the handle: the RabbitMQ JMS client keeps every
 * producer in its session's list until it is closed, so code that sends through a new producer each
 * time and closes only the connection (the usual Jakarta EE idiom) would otherwise grow that list
 * by one producer per send for as long as the pool keeps the connection.
 */
final class OpenedThrough {

  private static final Logger LOG = System.getLogger(OpenedThrough.class.getName());

  private final List<AutoCloseable> opened = new ArrayList<>();

  synchronized void add(AutoCloseable resource) {
    opened.add(resource);
  }

  synchronized int size() {
    return opened.size();
  }

  /** Closes each in turn; one that fails is logged and does not keep the others open. */
  void closeAll() {
    List<AutoCloseable> closing;
    synchronized (this) {
      closing = List.copyOf(opened);
      opened.clear();
    }
    for (AutoCloseable resource : closing) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.log(
            Level.WARNING,
            "Closing a "
                + resource.getClass().getSimpleName()
                + " with its pooled connection: "
                + e);
      }
    }
  }
}
