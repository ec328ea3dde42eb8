package dev.refinery.shared.infrastructure.messaging.outbox;

import dev.refinery.shared.infrastructure.messaging.Monitored;
import dev.refinery.shared.infrastructure.messaging.Publication;
import dev.refinery.shared.infrastructure.messaging.routing.Subscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * The RabbitMQ adapter's publications, into the outbox in the caller's transaction. An event no
 * context subscribes to (an alert raised, an agent run that failed: facts for the event log and for
 * listeners outside Refinery that bind a queue of their own) is recorded by the monitor and not
 * sent: no queue of ours is bound to it, and the broker would only park it as unroutable.
 */
@ApplicationScoped
public class OutboxPublisher {

  private static final System.Logger LOG = System.getLogger(OutboxPublisher.class.getName());

  @Inject Outbox outbox;

  @Inject Subscriptions subscriptions;

  @Monitored(Monitored.Call.PUBLISH)
  public void enqueue(Publication.Outgoing outgoing) {
    String type = outgoing.message().headers().type();
    if (outgoing.destination().everySubscriber()
        && subscriptions.ready()
        && subscriptions.subscribersOf(type).isEmpty()) {
      LOG.log(
          Level.DEBUG,
          "No context subscribes to {0}: recorded, not sent",
          outgoing.message().headers());
      return;
    }
    outbox.append(outgoing);
  }
}
