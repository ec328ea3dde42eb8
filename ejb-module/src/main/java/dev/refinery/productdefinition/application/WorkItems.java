package dev.refinery.productdefinition.application;

import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import dev.refinery.shared.infrastructure.messaging.EarlyEventException;
import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.ClarificationAnswered;
import dev.refinery.taskmanagement.api.ClarificationRequested;
import dev.refinery.taskmanagement.api.PrdApproved;
import dev.refinery.taskmanagement.api.PrdRejected;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.RequestValidationStarted;
import dev.refinery.taskmanagement.api.TaskCreated;
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
 * An event that overtook its task's TaskCreated is retried (see {@link EarlyEventException}). Work made
 * READY while an agent slot is free is claimed in the same transaction and started once it commits.
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
    if (!(event instanceof TaskCreated) && !known(task)) {
      throw new EarlyEventException(event.getClass().getSimpleName(), event.taskId());
    }
    switch (event) {
      case TaskCreated created -> insert(task, created);
      case RequestValidationStarted started -> ready(task, event, started.assignedPool());
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
        ready(task, event, answered.assignedPool());
      }
      case PrdRejected rejected -> {
        sql("UPDATE productdefinition.prd_version SET rejection_reason = ?, rejected_by = ?, decided_at = now()"
            + " WHERE task_id = ? AND revision = ?", rejected.reason(), rejected.by(), task, rejected.revision());
        ready(task, event, rejected.assignedPool());
      }
      case PrdApproved approved -> {
        sql("UPDATE productdefinition.prd_version SET approved_by = ?, decided_at = now() WHERE task_id = ? AND revision = ?",
            approved.by(), task, approved.revision());
        status(task, event, "DONE");
      }
      case TaskRetried retried -> ready(task, event, retried.assignedPool());
      default -> status(task, event, event.status() == TaskStatus.FAILED ? "FAILED"
          : event.status().terminal() ? "DONE" : "WAITING");
    }
  }

  private boolean known(UUID task) {
    return !entityManager.createNativeQuery("SELECT 1 FROM productdefinition.work_item WHERE task_id = ?")
        .setParameter(1, task).getResultList().isEmpty();
  }

  private void insert(UUID task, TaskCreated created) {
    sql("INSERT INTO productdefinition.work_item (task_id, title, description, requester, priority, priority_rank,"
            + " status, available_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'WAITING', now(), now(), now())"
            + " ON CONFLICT DO NOTHING",
        task, created.title(), created.description(), created.requester(), created.priority().name(),
        created.priority().ordinal());
  }

  /**
   * Before the agents again: a fresh start, at once. A free agent on this instance claims in this
   * transaction the work owed first, which is this item unless a lease ran out or older or more urgent
   * work waits (claiming only fresh items here starved the backlog while events kept coming).
   */
  private void ready(UUID task, TaskEvent event, String pool) {
    sql("UPDATE productdefinition.work_item SET status = 'READY', pool = ?, round = ?, revision = ?, attempts = 0,"
            + " available_at = now(), lease_until = NULL, last_error = NULL, updated_at = now()"
            + " WHERE task_id = ? AND round <= ? AND revision <= ? AND status NOT IN ('DONE')",
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
