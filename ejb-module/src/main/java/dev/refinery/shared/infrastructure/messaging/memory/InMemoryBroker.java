package dev.refinery.shared.infrastructure.messaging.memory;

import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import dev.refinery.shared.infrastructure.messaging.Messaging;
import dev.refinery.shared.infrastructure.messaging.Monitored;
import dev.refinery.shared.infrastructure.messaging.Publication;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.messaging.BoundedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory adapter's broker: sends a publication once its transaction commits (an event to
 * every context, a command to its queue) and delivers each copy to the {@link InMemoryConsumer} on
 * the scheduler, now or after a retry's delay. Both are beans of their own, so every send and every
 * delivery passes the monitoring interceptor without a bean calling itself through the container.
 */
@ApplicationScoped
public class InMemoryBroker {

  private final AfterCommit afterCommit;
  private final ScheduledExecutorService scheduler;

  /** Who receives the deliveries. */
  @Inject InMemoryConsumer consumer;

  /** For the container's client proxy only. */
  protected InMemoryBroker() {
    this(null, null);
  }

  @Inject
  public InMemoryBroker(AfterCommit afterCommit, @Messaging ScheduledExecutorService scheduler) {
    this.afterCommit = afterCommit;
    this.scheduler = scheduler;
  }

  /** Sends once the publishing transaction commits; nothing if it rolls back. */
  @Monitored(Monitored.Call.PUBLISH)
  public void enqueue(Publication.Outgoing outgoing) {
    afterCommit.run(
        () -> {
          if (outgoing.destination().everySubscriber()) {
            for (BoundedContext context : BoundedContext.values()) {
              deliver(context, outgoing.message());
            }
          } else {
            deliver(BoundedContext.ofQueue(outgoing.destination().queue()), outgoing.message());
          }
        });
  }

  /** Puts a message on a context's queue: it is delivered at once, on the scheduler. */
  public void deliver(BoundedContext context, RawMessage message) {
    scheduler.execute(() -> consumer.consume(context, message));
  }

  /** Delivers a message to a context again after the delay. */
  public void redeliver(BoundedContext context, RawMessage message, Duration delay) {
    scheduler.schedule(
        () -> consumer.consume(context, message), delay.toMillis(), TimeUnit.MILLISECONDS);
  }
}
