package dev.refinery.orchestration.application;

import static dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION;

import dev.refinery.orchestration.domain.Workflow;
import dev.refinery.orchestration.domain.WorkflowRepository;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.StartRequestValidation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The scanner's sweep, one transaction: claim the NEW workflows whose start nobody asked for
 * (created while the scanner was paused), send the command, and mark the step done, all committing
 * together. A second scanner (another instance) skips what the first holds and finds the step done
 * afterwards: no transition is asked for twice. (People are notified by Human Interaction itself,
 * from the events that make them wait.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WorkflowScans {

  static final int BATCH = 100;

  @Inject WorkflowRepository workflows;

  @Inject MessageQueue queue;

  @Inject Clock clock;

  /**
   * NEW tasks, the most urgent and oldest first: ask Task Management to start request validation.
   */
  public int startNewTasks() {
    Instant now = clock.instant();
    List<Workflow> waiting = workflows.lockAwaitingStart(BATCH);
    for (Workflow workflow : waiting) {
      queue.publishCommand(ORCHESTRATION, new StartRequestValidation(workflow.taskId().toString()));
      workflow.startRequested(now);
      workflows.save(workflow);
    }
    return waiting.size();
  }
}
