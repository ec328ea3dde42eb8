package dev.refinery.orchestration.infrastructure.persistence;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.orchestration.domain.Workflow;
import dev.refinery.orchestration.domain.WorkflowRepository;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Workflows in {@code orchestration.workflow}, in the caller's transaction. */
@ApplicationScoped
public class JpaWorkflowRepository implements WorkflowRepository {

  /** The columns of a {@link Workflow.State}, in its order. */
  static final String COLUMNS =
      "task_id, title, requester, priority, status, round, revision, created_at,"
          + " updated_at, start_requested_at";

  private static final String ADD =
      "INSERT INTO orchestration.workflow ("
          + COLUMNS
          + ", priority_rank) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz), CAST(? AS"
          + " timestamptz), CAST(? AS timestamptz), ?) ON CONFLICT DO NOTHING";
  private static final String SAVE =
      "UPDATE orchestration.workflow SET task_id = ?, title = ?, requester = ?, priority = ?,"
          + " status = ?, round = ?, revision = ?, created_at = CAST(? AS timestamptz), updated_at"
          + " = CAST(? AS timestamptz), start_requested_at = CAST(? AS timestamptz), priority_rank"
          + " = ? WHERE task_id = ?";

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public boolean add(Workflow workflow) {
    return bind(entityManager.createNativeQuery(ADD), workflow.state()).executeUpdate() == 1;
  }

  @Override
  public Optional<Workflow> lock(UUID task) {
    return workflows(
            entityManager
                .createNativeQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM orchestration.workflow"
                        + " WHERE task_id = ? FOR UPDATE")
                .setParameter(1, task))
        .stream()
        .findFirst();
  }

  @Override
  public void save(Workflow workflow) {
    Workflow.State state = workflow.state();
    int changed =
        bind(entityManager.createNativeQuery(SAVE), state)
            .setParameter(12, state.taskId())
            .executeUpdate();
    if (changed != 1) {
      throw new IllegalStateException(
          "the workflow of task " + state.taskId() + " is not stored: nothing to save");
    }
  }

  @Override
  public List<Workflow> lockAwaitingStart(int limit) {
    return workflows(
        entityManager
            .createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM orchestration.workflow WHERE status = 'NEW' AND start_requested_at IS"
                    + " NULL ORDER BY priority_rank DESC, created_at LIMIT ? FOR UPDATE SKIP"
                    + " LOCKED")
            .setParameter(1, limit));
  }

  @Override
  public List<Workflow> inStatusSince(TaskStatus status, Instant before, int limit) {
    return workflows(
        entityManager
            .createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM orchestration.workflow"
                    + " WHERE status = ? AND updated_at < ? ORDER BY updated_at LIMIT ?")
            .setParameter(1, status.name())
            .setParameter(2, Timestamp.from(before))
            .setParameter(3, limit));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<TaskStatus, StatusCount> countByStatus() {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT status, count(*), min(updated_at)"
                    + " FROM orchestration.workflow GROUP BY status")
            .getResultList();
    Map<TaskStatus, StatusCount> counts = new EnumMap<>(TaskStatus.class);
    for (Object[] row : rows) {
      counts.put(
          TaskStatus.valueOf((String) row[0]),
          new StatusCount(((Number) row[1]).longValue(), instant(row[2])));
    }
    return counts;
  }

  /**
   * Binds the state's columns to parameters 1–11, in the order of {@link #COLUMNS} then the
   * priority's rank.
   */
  private static Query bind(Query query, Workflow.State state) {
    return query
        .setParameter(1, state.taskId())
        .setParameter(2, state.title())
        .setParameter(3, state.requester())
        .setParameter(4, state.priority().name())
        .setParameter(5, state.status().name())
        .setParameter(6, state.round())
        .setParameter(7, state.revision())
        .setParameter(8, timestamp(state.createdAt()))
        .setParameter(9, timestamp(state.updatedAt()))
        .setParameter(10, timestamp(state.startRequestedAt()))
        .setParameter(11, state.priority().ordinal());
  }

  @SuppressWarnings("unchecked")
  static List<Workflow> workflows(Query query) {
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            row ->
                Workflow.of(
                    new Workflow.State(
                        (UUID) row[0],
                        (String) row[1],
                        (String) row[2],
                        Priority.valueOf((String) row[3]),
                        TaskStatus.valueOf((String) row[4]),
                        ((Number) row[5]).intValue(),
                        ((Number) row[6]).intValue(),
                        instant(row[7]),
                        instant(row[8]),
                        instant(row[9]))))
        .toList();
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
