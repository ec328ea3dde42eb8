package dev.refinery.productdefinition.application;

import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import dev.refinery.shared.infrastructure.messaging.EarlyEventException;
import dev.refinery.shared.infrastructure.messaging.MalformedMessageException;
import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.ClarificationAnswered;
import dev.refinery.taskmanagement.api.ClarificationRequested;
import dev.refinery.taskmanagement.api.PrdApproved;
import dev.refinery.taskmanagement.api.PrdRejected;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.RequestValidationStarted;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskRetried;
import dev.refinery.taskmanagement.api.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The agents' work queue, kept from Task Management's events: a task is READY for its pool when it
 * waits for an agent (validation started, answers given, PRD rejected, retried), WAITING while a person
 * is on it, DONE or FAILED at the end. Also keeps this context's copy of questions, answers and decisions.
 * A work item starts with RequestValidationStarted (or TaskRetried), which carry the request; this context
 * does not read TaskCreated. A task that ends before its validation started (cancelled or failed while NEW)
 * leaves a row in its final state, so a late RequestValidationStarted cannot wake it. Any other event about
 * a task not known here overtook its RequestValidationStarted and is retried (see {@link EarlyEventException}).
 * Work made READY while an agent slot is free is claimed in the same transaction and started once it commits.
 */
@ApplicationScoped
public class WorkItems {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject TaskPollingService poller;

  @Inject AgentWork work;

  @Inject AfterCommit afterCommit;

  public void apply(TaskEvent event) {
    UUID task = UUID.fromString(event.taskId());
    switch (event) {
      case RequestValidationStarted started -> {
        insert(task, event, started.title(), started.description(), started.requester(), started.priority());
        ready(task, event, started.assignedPool(), false);
        return;
      }
      case TaskRetried retried -> {
        insert(task, event, retried.title(), retried.description(), retried.requester(), retried.priority());
        ready(task, event, retried.assignedPool(), true);
        return;
      }
      default -> { }
    }
    if (!known(task)) {
      if (event.status() == TaskStatus.FAILED || event.status().terminal()) {
        ended(task, event);
        return;
      }
      throw new EarlyEventException(event.getClass().getSimpleName(), event.taskId());
    }
    switch (event) {
      case ClarificationRequested asked -> {
        for (Question question : asked.questions()) {
          sql("INSERT INTO productdefinition.clarification (task_id, round, question_id, question) VALUES (?, ?, ?, ?)"
              + " ON CONFLICT DO NOTHING", task, asked.round(), question.id(), JSONB.toJson(question));
        }
        status(task, event, "WAITING");
      }
      case ClarificationAnswered answered -> {
        for (Answer answer : answered.answers()) {
          sql("UPDATE productdefinition.clarification SET answer = ? WHERE task_id = ? AND round = ? AND question_id = ?",
              answerText(task, answered.round(), answer), task, answered.round(), answer.questionId());
        }
        ready(task, event, answered.assignedPool(), false);
      }
      case PrdRejected rejected -> {
        sql("UPDATE productdefinition.prd_version SET rejection_reason = ?, rejected_by = ?, decided_at = now()"
            + " WHERE task_id = ? AND revision = ?", rejected.reason(), rejected.by(), task, rejected.revision());
        ready(task, event, rejected.assignedPool(), false);
      }
      case PrdApproved approved -> {
        sql("UPDATE productdefinition.prd_version SET approved_by = ?, decided_at = now() WHERE task_id = ? AND revision = ?",
            approved.by(), task, approved.revision());
        status(task, event, "DONE");
      }
      default -> status(task, event, event.status() == TaskStatus.FAILED ? "FAILED"
          : event.status().terminal() ? "DONE" : "WAITING");
    }
  }

  private boolean known(UUID task) {
    return !entityManager.createNativeQuery("SELECT 1 FROM productdefinition.work_item WHERE task_id = ?")
        .setParameter(1, task).getResultList().isEmpty();
  }

  /** The work item of a task new to this context, from the request its event carries (known: nothing changes). */
  private void insert(UUID task, TaskEvent event, String title, String description, String requester,
      Priority priority) {
    if (title == null || requester == null || priority == null) {
      throw new MalformedMessageException(event.getClass().getSimpleName() + " for task " + task + " carries no request"
          + " (title, requester and priority are required; a Task Management older than this Product Definition"
          + " sends none)", null);
    }
    sql("INSERT INTO productdefinition.work_item (task_id, title, description, requester, priority, priority_rank,"
            + " status, available_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'WAITING', now(), now(), now())"
            + " ON CONFLICT (task_id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,"
            + " requester = EXCLUDED.requester, priority = EXCLUDED.priority, priority_rank = EXCLUDED.priority_rank"
            + " WHERE work_item.title = ''",
        task, title, description == null ? "" : description, requester, priority.name(), priority.ordinal());
  }

  /**
   * A task that ended before this context heard of it: a row in its final state and without a request, so
   * that a RequestValidationStarted delivered late (after a failed first attempt) fills in the request but
   * does not make it READY.
   */
  private void ended(UUID task, TaskEvent event) {
    sql("INSERT INTO productdefinition.work_item (task_id, title, description, requester, priority, priority_rank,"
            + " status, round, revision, available_at, created_at, updated_at)"
            + " VALUES (?, '', '', '', 'LOW', 0, ?, ?, ?, now(), now(), now()) ON CONFLICT DO NOTHING",
        task, event.status() == TaskStatus.FAILED ? "FAILED" : "DONE", event.round(), event.revision());
  }

  /**
   * Before the agents again: a fresh start, at once. A free agent on this instance claims in this
   * transaction the work owed first, which is this item unless a lease ran out or older or more urgent
   * work waits (claiming only fresh items here starved the backlog while events kept coming). A DONE item
   * stays DONE, and only a retry brings a FAILED one back (any other event that finds it FAILED came late).
   */
  private void ready(UUID task, TaskEvent event, String pool, boolean retry) {
    sql("UPDATE productdefinition.work_item SET status = 'READY', pool = ?, round = ?, revision = ?, attempts = 0,"
            + " available_at = now(), lease_until = NULL, last_error = NULL, updated_at = now()"
            + " WHERE task_id = ? AND round <= ? AND revision <= ? AND status NOT IN ('DONE'"
            + (retry ? ")" : ", 'FAILED')"),
        pool, event.round(), event.revision(), task, event.round(), event.revision());
    if (TaskPollingService.POOL.equals(pool) && poller.reserve()) { // an agent is free: claim what is owed first, here
      Optional<AgentWork.Claim> claim;
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

  private void status(UUID task, TaskEvent event, String status) {
    sql("UPDATE productdefinition.work_item SET status = ?, round = ?, revision = ?, lease_until = NULL,"
            + " updated_at = now() WHERE task_id = ? AND round <= ? AND revision <= ? AND status NOT IN ('DONE')",
        status, event.round(), event.revision(), task, event.round(), event.revision());
  }

  /** The chosen option's label (from the question this context kept) and any free text. */
  private String answerText(UUID task, int round, Answer answer) {
    @SuppressWarnings("unchecked")
    List<String> questions = entityManager.createNativeQuery("SELECT question FROM productdefinition.clarification"
            + " WHERE task_id = ? AND round = ? AND question_id = ?")
        .setParameter(1, task).setParameter(2, round).setParameter(3, answer.questionId())
        .getResultList();
    String label = null;
    if (answer.optionId() != null && !questions.isEmpty()) {
      Question question = JSONB.fromJson(questions.getFirst(), Question.class);
      label = question.options().stream().filter(option -> option.id().equals(answer.optionId()))
          .map(Question.Option::label).findFirst().orElse(answer.optionId());
    }
    String text = answer.text() == null || answer.text().isBlank() ? null : answer.text().strip();
    if (label != null && text != null) {
      return label + ": " + text;
    }
    return label != null ? label : text == null ? "" : text;
  }

  private void sql(String statement, Object... parameters) {
    var query = entityManager.createNativeQuery(statement);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    query.executeUpdate();
  }
}
