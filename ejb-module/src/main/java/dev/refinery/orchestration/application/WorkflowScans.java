package dev.refinery.orchestration.application;

import dev.refinery.humaninteraction.api.NotifyApprovers;
import dev.refinery.humaninteraction.api.NotifyRequester;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.StartRequestValidation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The scanner's three sweeps, each one transaction: claim the rows that need the step with
 * {@code FOR UPDATE SKIP LOCKED}, send the command, and mark the step done, all committing together. A
 * second scanner (another instance) skips what the first holds and finds the step done afterwards: no
 * transition is asked for twice and nobody is notified twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WorkflowScans {

  static final int BATCH = 100;

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject MessageQueue queue;

  /** NEW tasks, the most urgent and oldest first: ask Task Management to start request validation. */
  @SuppressWarnings("unchecked")
  public int startNewTasks() {
    List<UUID> tasks = entityManager.createNativeQuery("SELECT task_id FROM orchestration.workflow"
            + " WHERE status = 'NEW' AND start_requested_at IS NULL ORDER BY priority_rank DESC, created_at"
            + " LIMIT ? FOR UPDATE SKIP LOCKED")
        .setParameter(1, BATCH)
        .getResultList();
    for (UUID task : tasks) {
      queue.publishCommand(new StartRequestValidation(task.toString()));
    }
    mark("start_requested_at = now()", tasks);
    return tasks.size();
  }

  /** Clarification rounds nobody told the requester about yet. */
  @SuppressWarnings("unchecked")
  public int notifyRequesters() {
    List<Object[]> rows = entityManager.createNativeQuery("SELECT task_id, round, requester, title"
            + " FROM orchestration.workflow WHERE status = 'CLARIFICATION_NEEDED' AND notified_round < round"
            + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED")
        .setParameter(1, BATCH)
        .getResultList();
    for (Object[] row : rows) {
      queue.publishCommand(new NotifyRequester(row[0].toString(), ((Number) row[1]).intValue(), (String) row[2], (String) row[3]));
    }
    mark("notified_round = round", rows.stream().map(row -> (UUID) row[0]).toList());
    return rows.size();
  }

  /** PRD revisions the approvers have not been told about yet. */
  @SuppressWarnings("unchecked")
  public int notifyApprovers() {
    List<Object[]> rows = entityManager.createNativeQuery("SELECT task_id, revision, requester, title"
            + " FROM orchestration.workflow WHERE status = 'PRD_VALIDATION' AND notified_revision < revision"
            + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED")
        .setParameter(1, BATCH)
        .getResultList();
    for (Object[] row : rows) {
      queue.publishCommand(new NotifyApprovers(row[0].toString(), ((Number) row[1]).intValue(), (String) row[2], (String) row[3]));
    }
    mark("notified_revision = revision", rows.stream().map(row -> (UUID) row[0]).toList());
    return rows.size();
  }

  private void mark(String assignment, List<UUID> tasks) {
    if (!tasks.isEmpty()) {
      entityManager.createNativeQuery("UPDATE orchestration.workflow SET " + assignment + " WHERE task_id IN (:tasks)")
          .setParameter("tasks", tasks)
          .executeUpdate();
    }
  }
}
