package dev.refinery.humaninteraction.infrastructure.persistence;

import dev.refinery.humaninteraction.domain.TaskView;
import dev.refinery.humaninteraction.domain.TaskViewRepository;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Task views in {@code humaninteraction.task_view}, the open round's questions as JSON. */
@ApplicationScoped
public class JpaTaskViewRepository implements TaskViewRepository {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type QUESTIONS =
      new ArrayList<Question>() {}.getClass().getGenericSuperclass();
  private static final String COLUMNS =
      "task_id, title, requester, status, round, revision, questions";

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public boolean add(TaskView view) {
    return bind(
                entityManager.createNativeQuery(
                    "INSERT INTO humaninteraction.task_view ("
                        + COLUMNS
                        + ", updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING"),
                view.state())
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<TaskView> find(UUID task) {
    return view(
        entityManager
            .createNativeQuery(
                "SELECT " + COLUMNS + " FROM humaninteraction.task_view" + " WHERE task_id = ?")
            .setParameter(1, task));
  }

  @Override
  public Optional<TaskView> lock(UUID task) {
    return view(
        entityManager
            .createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM humaninteraction.task_view"
                    + " WHERE task_id = ? FOR UPDATE")
            .setParameter(1, task));
  }

  @Override
  public void save(TaskView view) {
    TaskView.State state = view.state();
    int saved =
        bind(
                entityManager.createNativeQuery(
                    "UPDATE humaninteraction.task_view SET task_id = ?, title = ?, requester = ?,"
                        + " status = ?, round = ?, revision = ?, questions = ?, updated_at = now()"
                        + " WHERE task_id = ?"),
                state)
            .setParameter(8, state.taskId())
            .executeUpdate();
    if (saved != 1) {
      throw new IllegalStateException(
          "the view of task " + state.taskId() + " is not stored: nothing to save");
    }
  }

  /** Binds the state to parameters 1–7 in the order of {@link #COLUMNS}; no questions is NULL. */
  private static Query bind(Query query, TaskView.State state) {
    return query
        .setParameter(1, state.taskId())
        .setParameter(2, state.title())
        .setParameter(3, state.requester())
        .setParameter(4, state.status().name())
        .setParameter(5, state.round())
        .setParameter(6, state.revision())
        .setParameter(7, state.questions().isEmpty() ? null : JSONB.toJson(state.questions()));
  }

  @SuppressWarnings("unchecked")
  private static Optional<TaskView> view(Query query) {
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row ->
                TaskView.of(
                    new TaskView.State(
                        (UUID) row[0],
                        (String) row[1],
                        (String) row[2],
                        TaskStatus.valueOf((String) row[3]),
                        ((Number) row[4]).intValue(),
                        ((Number) row[5]).intValue(),
                        row[6] == null ? List.of() : JSONB.fromJson((String) row[6], QUESTIONS))));
  }
}
