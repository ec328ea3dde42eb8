package dev.refinery.humaninteraction.application;

import dev.refinery.shared.infrastructure.messaging.EarlyEventException;
import dev.refinery.taskmanagement.api.ClarificationRequested;
import dev.refinery.taskmanagement.api.PrdSubmitted;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskEvent;
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
 * Human Interaction's view of tasks, from Task Management's events: enough to refuse a decision that does
 * not fit the task's state, and to fill in recommended answers. An event that makes the task wait for
 * people tells them in the same transaction: ClarificationRequested the requester, PrdSubmitted the
 * approvers (a late event that no longer moves the view tells nobody). An event that overtook its task's
 * TaskCreated is retried.
 */
@ApplicationScoped
public class TaskViews {

  /** What this context knows of a task. */
  public record View(UUID taskId, String title, String requester, TaskStatus status, int round, int revision,
      List<Question> questions) {}

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final java.lang.reflect.Type QUESTIONS =
      new java.util.ArrayList<Question>() {}.getClass().getGenericSuperclass();

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject Notifications notifications;

  /** Known at once when submitted here, before Task Management confirms it. */
  public void submitted(UUID task, String title, String requester) {
    entityManager.createNativeQuery("INSERT INTO humaninteraction.task_view (task_id, title, requester, status,"
            + " updated_at) VALUES (?, ?, ?, 'NEW', now()) ON CONFLICT DO NOTHING")
        .setParameter(1, task).setParameter(2, title).setParameter(3, requester)
        .executeUpdate();
  }

  public void apply(TaskEvent event) {
    UUID task = UUID.fromString(event.taskId());
    if (event instanceof TaskCreated created) {
      submitted(task, created.title(), created.requester());
      return;
    }
    String questions = event instanceof ClarificationRequested asked ? JSONB.toJson(asked.questions()) : null;
    int updated = entityManager.createNativeQuery("UPDATE humaninteraction.task_view SET status = ?, round = ?, revision = ?,"
            + " questions = COALESCE(?, questions), updated_at = now() WHERE task_id = ? AND round <= ? AND revision <= ?"
            + " AND status NOT IN ('PRD_APPROVED', 'CANCELLED')")
        .setParameter(1, event.status().name()).setParameter(2, event.round()).setParameter(3, event.revision())
        .setParameter(4, questions).setParameter(5, task).setParameter(6, event.round())
        .setParameter(7, event.revision())
        .executeUpdate();
    if (updated == 0 && find(task).isEmpty()) {
      throw new EarlyEventException(event.getClass().getSimpleName(), event.taskId());
    }
    if (updated == 1 && (event instanceof ClarificationRequested || event instanceof PrdSubmitted)) {
      View view = find(task).orElseThrow();
      switch (event) {
        case ClarificationRequested asked -> notifications.requester(task, asked.round(), view.requester(), view.title());
        case PrdSubmitted submitted -> notifications.approvers(task, submitted.revision(), view.requester(), view.title());
        default -> { }
      }
    }
  }

  @SuppressWarnings("unchecked")
  public Optional<View> find(UUID task) {
    List<Object[]> rows = entityManager.createNativeQuery("SELECT task_id, title, requester, status, round, revision,"
            + " questions FROM humaninteraction.task_view WHERE task_id = ?")
        .setParameter(1, task).getResultList();
    return rows.stream().findFirst().map(row -> new View((UUID) row[0], (String) row[1], (String) row[2],
        TaskStatus.valueOf((String) row[3]), ((Number) row[4]).intValue(), ((Number) row[5]).intValue(),
        row[6] == null ? List.of() : JSONB.fromJson((String) row[6], QUESTIONS)));
  }
}
