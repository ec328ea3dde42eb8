package dev.refinery.productdefinition.interfaces.messaging;

import static dev.refinery.shared.messaging.BoundedContext.PRODUCT_DEFINITION;

import dev.refinery.productdefinition.application.WorkItems;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/** Every task event keeps the agents' work queue up to date. */
@ApplicationScoped
public class ProductDefinitionSubscriptions {

  @Inject MessageQueue queue;

  @Inject WorkItems workItems;

  void subscribe(@Observes Startup startup) {
    queue.subscribeToEvents(PRODUCT_DEFINITION, TaskEvents.ALL, envelope -> workItems.apply((TaskEvent) envelope.payload()));
  }
}
