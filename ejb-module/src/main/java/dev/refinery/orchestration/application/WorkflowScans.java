package dev.refinery.orchestration.application;

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
 * The scanner's sweep, one transaction: claim the NEW workflows whose start nobody asked for (created
 * while the scanner was paused) with {@code FOR UPDATE SKIP LOCKED}, send the command, and mark the step
 * done, all committing together. A second scanner (another instance) skips what the first holds and finds
 * the step done afterwards: no transition is asked for twice. (People are notified by Human Interaction
 * itself, from the events that make them wait.)
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
    mark("start_requested_at = now(), status = 'REQUEST_VALIDATION'", tasks);
    return tasks.size();
  }

  private void mark(String assignment, List<UUID> tasks) {
    if (!tasks.isEmpty()) {
      entityManager.createNativeQuery("UPDATE orchestration.workflow SET " + assignment + " WHERE task_id IN (:tasks)")
          .setParameter("tasks", tasks)
          .executeUpdate();
    }
  }
}
