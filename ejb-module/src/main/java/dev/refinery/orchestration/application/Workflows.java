package dev.refinery.orchestration.application;

import dev.refinery.shared.infrastructure.messaging.EarlyEventException;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.StartRequestValidation;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Orchestration's own view of every workflow, kept from Task Management's events (never from its
 * tables). Events can arrive out of order: a row never goes back in round or revision, nor out of a
 * terminal state, and an event that overtook its task's TaskCreated is retried. A new task's request
 * validation is asked for in the transaction that records it, and from then on this view holds the task
 * in REQUEST_VALIDATION: Task Management either starts it or ends the task (cancelled, failed), and says
 * so, so this context's queue is not bound to RequestValidationStarted. A task stays NEW here only while
 * the scanner is paused; the scanner asks for it when it runs again.
 */
@ApplicationScoped
public class Workflows {

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject TaskScanningService scanner;

  @Inject MessageQueue queue;

  @Inject Clock clock;

  public void apply(TaskEvent event) {
    Timestamp now = Timestamp.from(clock.instant());
    if (event instanceof TaskCreated created) {
      boolean startNow = !scanner.paused(); // an operator who paused the scanner stops new starts too
      int inserted = entityManager.createNativeQuery("INSERT INTO orchestration.workflow (task_id, title, requester, priority,"
              + " priority_rank, status, created_at, updated_at, start_requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
              + (startNow ? "now()" : "NULL") + ") ON CONFLICT DO NOTHING")
          .setParameter(1, UUID.fromString(created.taskId()))
          .setParameter(2, created.title())
          .setParameter(3, created.requester())
          .setParameter(4, created.priority().name())
          .setParameter(5, created.priority().ordinal())
          .setParameter(6, (startNow ? TaskStatus.REQUEST_VALIDATION : created.status()).name())
          .setParameter(7, now)
          .setParameter(8, now)
          .executeUpdate();
      if (inserted == 1 && startNow) {
        // the critical path: validation is asked for in the transaction that learnt of the task, not by the
        // next scan (the scanner stays the safety net for a task whose start was never asked for)
        queue.publishCommand(new StartRequestValidation(created.taskId()));
      }
    } else {
      int updated = entityManager.createNativeQuery("UPDATE orchestration.workflow SET status = ?, round = ?, revision = ?,"
              + " updated_at = ? WHERE task_id = ? AND round <= ? AND revision <= ?"
              + " AND status NOT IN ('PRD_APPROVED', 'CANCELLED')")
          .setParameter(1, event.status().name())
          .setParameter(2, event.round())
          .setParameter(3, event.revision())
          .setParameter(4, now)
          .setParameter(5, UUID.fromString(event.taskId()))
          .setParameter(6, event.round())
          .setParameter(7, event.revision())
          .executeUpdate();
      if (updated == 0 && !known(event.taskId())) {
        throw new EarlyEventException(event.getClass().getSimpleName(), event.taskId());
      }
    }
  }

  private boolean known(String taskId) {
    return !entityManager.createNativeQuery("SELECT 1 FROM orchestration.workflow WHERE task_id = ?")
        .setParameter(1, UUID.fromString(taskId)).getResultList().isEmpty();
  }
}
