package dev.refinery.productdefinition.application;

import dev.refinery.productdefinition.domain.AnswerText;
import dev.refinery.productdefinition.domain.Clarifications;
import dev.refinery.productdefinition.domain.PrdVersions;
import dev.refinery.productdefinition.domain.WorkClaim;
import dev.refinery.productdefinition.domain.WorkItem;
import dev.refinery.productdefinition.domain.WorkQueue;
import dev.refinery.productdefinition.domain.WorkStatus;
import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import dev.refinery.shared.infrastructure.messaging.MalformedMessageException;
import dev.refinery.shared.infrastructure.messaging.deadletter.EarlyEventException;
import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.ClarificationAnswered;
import dev.refinery.taskmanagement.api.ClarificationRequested;
import dev.refinery.taskmanagement.api.PrdApproved;
import dev.refinery.taskmanagement.api.PrdRejected;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.RequestValidationStarted;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskRetried;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Task Management's events applied to the agents' work queue (see {@link WorkItem} for what each
 * means), and this context's copy of questions, answers and decisions. A work item starts with
 * RequestValidationStarted (or TaskRetried), which carry the request; this context does not read
 * TaskCreated. A task that ends before its validation started leaves an item in its final state, so
 * a late RequestValidationStarted cannot wake it. Any other event about a task not known here
 * overtook its RequestValidationStarted and is retried (see {@link EarlyEventException}). Work made
 * READY while an agent slot is free is claimed in the same transaction and started once it commits.
 */
@ApplicationScoped
public class WorkItems {

  @Inject WorkQueue workQueue;

  @Inject Clarifications clarifications;

  @Inject PrdVersions versions;

  @Inject TaskPollingService poller;

  @Inject AgentWork work;

  @Inject AfterCommit afterCommit;

  @Inject Clock clock;

  public void apply(TaskEvent event) {
    UUID task = UUID.fromString(event.taskId());
    switch (event) {
      case RequestValidationStarted started -> {
        requested(
            task,
            event,
            request(
                event,
                started.title(),
                started.description(),
                started.requester(),
                started.priority()),
            started.assignedPool(),
            false);
        return;
      }
      case TaskRetried retried -> {
        requested(
            task,
            event,
            request(
                event,
                retried.title(),
                retried.description(),
                retried.requester(),
                retried.priority()),
            retried.assignedPool(),
            true);
        return;
      }
      default -> {}
    }
    Optional<WorkItem> found = workQueue.lock(task);
    if (found.isEmpty()) {
      WorkStatus settled = WorkStatus.settledBy(event.status());
      if (!settled.ended()) {
        throw new EarlyEventException(event.getClass().getSimpleName(), event.taskId());
      }
      workQueue.add(
          WorkItem.endedUnheard(task, settled, event.round(), event.revision(), clock.instant()));
      return;
    }
    WorkItem item = found.get();
    switch (event) {
      case ClarificationRequested asked -> {
        clarifications.asked(task, asked.round(), asked.questions());
        settle(item, WorkStatus.WAITING, event);
      }
      case ClarificationAnswered answered -> {
        for (Answer answer : answered.answers()) {
          String text =
              AnswerText.of(
                  clarifications.question(task, answered.round(), answer.questionId()).orElse(null),
                  answer);
          clarifications.answered(task, answered.round(), answer.questionId(), text);
        }
        ready(item, event, answered.assignedPool());
      }
      case PrdRejected rejected -> {
        versions.rejected(task, rejected.revision(), rejected.by(), rejected.reason());
        ready(item, event, rejected.assignedPool());
      }
      case PrdApproved approved -> {
        versions.approved(task, approved.revision(), approved.by());
        settle(item, WorkStatus.DONE, event);
      }
      default -> settle(item, WorkStatus.settledBy(event.status()), event);
    }
  }

  /**
   * The request an event carries; a Task Management older than this Product Definition sends none.
   */
  private static WorkItem.Request request(
      TaskEvent event, String title, String description, String requester, Priority priority) {
    if (title == null || requester == null || priority == null) {
      throw new MalformedMessageException(
          event.getClass().getSimpleName()
              + " for task "
              + event.taskId()
              + " carries no request (title, requester and priority are required; a Task Management"
              + " older than this Product Definition sends none)",
          null);
    }
    return new WorkItem.Request(title, description, requester, priority);
  }

  /**
   * The item of a task whose validation started or that was retried: new here, or known (then it
   * learns the request).
   */
  private void requested(
      UUID task, TaskEvent event, WorkItem.Request request, String pool, boolean retry) {
    Optional<WorkItem> found = workQueue.lock(task);
    if (found.isEmpty()) {
      WorkItem item = WorkItem.requested(task, request, clock.instant());
      item.ready(pool, event.round(), event.revision(), retry, clock.instant());
      if (workQueue.add(item)) {
        claimOrWake(pool);
        return;
      }
      found = workQueue.lock(task); // another transaction added it first
    }
    WorkItem item = found.orElseThrow();
    boolean learned = item.learn(request);
    boolean readied = item.ready(pool, event.round(), event.revision(), retry, clock.instant());
    if (learned || readied) {
      workQueue.save(item);
    }
    if (readied) {
      claimOrWake(pool);
    }
  }

  private void ready(WorkItem item, TaskEvent event, String pool) {
    if (item.ready(pool, event.round(), event.revision(), false, clock.instant())) {
      workQueue.save(item);
      claimOrWake(pool);
    }
  }

  private void settle(WorkItem item, WorkStatus status, TaskEvent event) {
    if (item.settle(status, event.round(), event.revision())) {
      workQueue.save(item);
    }
  }

  /**
   * Before the agents again: a free agent on this instance claims in this transaction the work owed
   * first, which is the item just made ready unless a lease ran out or older or more urgent work
   * waits (claiming only fresh items here starved the backlog while events kept coming). Otherwise
   * the poller is woken.
   */
  private void claimOrWake(String pool) {
    if (TaskPollingService.POOL.equals(pool) && poller.reserve()) {
      Optional<WorkClaim> claim;
      try {
        claim = work.claimNext(pool, poller.lease());
      } catch (RuntimeException e) {
        poller.release();
        throw e;
      }
      if (claim.isPresent()) {
        afterCommit.run(() -> poller.runClaimed(claim.get()), poller::release);
        return;
      }
      poller.release();
    }
    afterCommit.run(poller::wake);
  }
}
