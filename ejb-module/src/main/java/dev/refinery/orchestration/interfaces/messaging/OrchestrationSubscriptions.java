package dev.refinery.orchestration.interfaces.messaging;

import static dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION;

import dev.refinery.orchestration.application.Workflows;
import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.RequestValidationStarted;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Task events keep Orchestration's view of the workflows: every one but RequestValidationStarted,
 * the answer to this context's own StartRequestValidation (see {@link Workflows}), so its queue is
 * not bound to it.
 */
@ApplicationScoped
public class OrchestrationSubscriptions {

  static final Set<Class<? extends DomainEvent>> SUBSCRIBED =
      TaskEvents.ALL.stream()
          .filter(type -> type != RequestValidationStarted.class)
          .collect(Collectors.toUnmodifiableSet());

  @Inject MessageQueue queue;

  @Inject Workflows workflows;

  void subscribe(@Observes Startup startup) {
    queue.subscribeToEvents(
        ORCHESTRATION, SUBSCRIBED, envelope -> workflows.apply((TaskEvent) envelope.payload()));
  }
}
