package dev.refinery.orchestration.application;

import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import dev.refinery.shared.infrastructure.messaging.EarlyEventException;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskEvent;
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
 * terminal state, and an event that overtook its task's TaskCreated is retried. Every change wakes the
 * scanner once committed, so a new task does not wait for the next tick.
 */
@ApplicationScoped
public class Workflows {

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject TaskScanningService scanner;

  @Inject AfterCommit afterCommit;

  @Inject Clock clock;

  public void apply(TaskEvent event) {
    Timestamp now = Timestamp.from(clock.instant());
    if (event instanceof TaskCreated created) {
      entityManager.createNativeQuery("INSERT INTO orchestration.workflow (task_id, title, requester, priority,"
              + " priority_rank, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
          .setParameter(1, UUID.fromString(created.taskId()))
          .setParameter(2, created.title())
          .setParameter(3, created.requester())
          .setParameter(4, created.priority().name())
          .setParameter(5, created.priority().ordinal())
          .setParameter(6, created.status().name())
          .setParameter(7, now)
          .setParameter(8, now)
          .executeUpdate();
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
    afterCommit.run(scanner::wake);
  }

  private boolean known(String taskId) {
    return !entityManager.createNativeQuery("SELECT 1 FROM orchestration.workflow WHERE task_id = ?")
        .setParameter(1, UUID.fromString(taskId)).getResultList().isEmpty();
  }
}
