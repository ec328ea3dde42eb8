package dev.refinery.shared.infrastructure.messaging.setup;

import dev.refinery.shared.infrastructure.messaging.MessageCodec;
import dev.refinery.shared.infrastructure.messaging.Messaging;
import dev.refinery.shared.infrastructure.messaging.MessagingSettings;
import dev.refinery.shared.infrastructure.messaging.deadletter.FailurePolicy;
import dev.refinery.shared.infrastructure.messaging.inbox.MessageDispatch;
import dev.refinery.shared.infrastructure.messaging.routing.Subscriptions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The plain helpers both adapters share, made available to CDI (the adapters themselves are beans).
 */
@ApplicationScoped
public class MessagingSetup {

  private final Subscriptions subscriptions = new Subscriptions();
  private final MessageCodec codec = new MessageCodec();

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject MessagingSettings settings;

  @Produces
  Subscriptions subscriptions() {
    return subscriptions;
  }

  @Produces
  MessageCodec codec() {
    return codec;
  }

  @Produces
  MessageDispatch dispatch() {
    return new MessageDispatch(subscriptions, codec);
  }

  @Produces
  FailurePolicy failurePolicy() {
    return new FailurePolicy(
        settings.retryPolicy(), settings.earlyEventRetries(), settings.earlyEventHorizon());
  }

  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Messaging
  ScheduledExecutorService scheduler() {
    return scheduler;
  }
}
