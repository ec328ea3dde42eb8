package dev.refinery.orchestration.interfaces.messaging;

import static dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION;

import dev.refinery.orchestration.application.Workflows;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/** Every task event keeps Orchestration's view of the workflows, and wakes the scanner. */
@ApplicationScoped
public class OrchestrationSubscriptions {

  @Inject MessageQueue queue;

  @Inject Workflows workflows;

  void subscribe(@Observes Startup startup) {
    queue.subscribeToEvents(ORCHESTRATION, TaskEvents.ALL, envelope -> workflows.apply((TaskEvent) envelope.payload()));
  }
}
