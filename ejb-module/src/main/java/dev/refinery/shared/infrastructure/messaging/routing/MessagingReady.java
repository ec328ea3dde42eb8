package dev.refinery.shared.infrastructure.messaging.routing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Opens the message queue for dispatch once the contexts have subscribed (they do so observing
 * {@link Startup} at the default priority; this observer runs after them).
 */
@ApplicationScoped
public class MessagingReady {

  /** Later than any context's subscriptions. */
  public static final int AFTER_SUBSCRIPTIONS =
      jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER + 1000;

  private static final System.Logger LOG = System.getLogger(MessagingReady.class.getName());

  @Inject Subscriptions subscriptions;

  void open(@Observes @Priority(AFTER_SUBSCRIPTIONS) Startup startup) {
    subscriptions.markReady();
    LOG.log(Level.INFO, "Every context has subscribed; dispatching messages");
  }
}
