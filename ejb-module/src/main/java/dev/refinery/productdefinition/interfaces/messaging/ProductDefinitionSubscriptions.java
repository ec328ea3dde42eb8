package dev.refinery.productdefinition.interfaces.messaging;

import static dev.refinery.shared.messaging.BoundedContext.PRODUCT_DEFINITION;

import dev.refinery.productdefinition.application.WorkItems;
import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.PrdSubmitted;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Task events keep the agents' work queue up to date: every one but TaskCreated, whose request
 * reaches this context with RequestValidationStarted (a task nobody has asked to validate is no
 * work for an agent), and PrdSubmitted, which only confirms what this context did itself (its agent
 * wrote the revision and left the work item WAITING). Its queue is not bound to either.
 */
@ApplicationScoped
public class ProductDefinitionSubscriptions {

  static final Set<Class<? extends DomainEvent>> SUBSCRIBED =
      TaskEvents.ALL.stream()
          .filter(type -> type != TaskCreated.class && type != PrdSubmitted.class)
          .collect(Collectors.toUnmodifiableSet());

  @Inject MessageQueue queue;

  @Inject WorkItems workItems;

  void subscribe(@Observes Startup startup) {
    queue.subscribeToEvents(
        PRODUCT_DEFINITION,
        SUBSCRIBED,
        envelope -> workItems.apply((TaskEvent) envelope.payload()));
  }
}
