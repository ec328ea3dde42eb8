package dev.refinery.orchestration.application;

import static dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION;

import dev.refinery.orchestration.domain.Workflow;
import dev.refinery.orchestration.domain.WorkflowRepository;
import dev.refinery.shared.infrastructure.messaging.deadletter.EarlyEventException;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.StartRequestValidation;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Task Management's events applied to Orchestration's view of the workflows (see {@link Workflow}).
 * A new task's request validation is asked for in the transaction that records it, so this
 * context's queue is not bound to RequestValidationStarted; a task stays NEW here only while the
 * scanner is paused, and the scanner asks for it when it runs again. An event that overtook its
 * task's TaskCreated is retried.
 */
@ApplicationScoped
public class Workflows {

  @Inject WorkflowRepository workflows;

  @Inject TaskScanningService scanner;

  @Inject MessageQueue queue;

  @Inject Clock clock;

  public void apply(TaskEvent event) {
    UUID task = UUID.fromString(event.taskId());
    Instant now = clock.instant();
    if (event instanceof TaskCreated created) {
      boolean startNow =
          !scanner.paused(); // an operator who paused the scanner stops new starts too
      Workflow workflow =
          Workflow.created(
              task,
              created.title(),
              created.requester(),
              created.priority(),
              created.status(),
              startNow,
              now);
      if (workflows.add(workflow) && startNow) {
        // the critical path: validation is asked for in the transaction that learnt of the task,
        // not by the next scan (the scanner stays the safety net for a task whose start was never
        // asked for)
        queue.publishCommand(ORCHESTRATION, new StartRequestValidation(created.taskId()));
      }
      return;
    }
    Optional<Workflow> found = workflows.lock(task);
    if (found.isEmpty()) {
      throw new EarlyEventException(event.getClass().getSimpleName(), event.taskId());
    }
    Workflow workflow = found.get();
    if (workflow.advance(event.status(), event.round(), event.revision(), now)) {
      workflows.save(workflow);
    }
  }
}
