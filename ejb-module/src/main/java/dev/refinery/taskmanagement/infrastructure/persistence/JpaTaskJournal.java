package dev.refinery.taskmanagement.infrastructure.persistence;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.ClarificationAnswered;
import dev.refinery.taskmanagement.api.ClarificationRequested;
import dev.refinery.taskmanagement.api.ClarificationRound;
import dev.refinery.taskmanagement.api.HistoryEntry;
import dev.refinery.taskmanagement.api.PrdApproved;
import dev.refinery.taskmanagement.api.PrdRejected;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.TaskCancelled;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskFailed;
import dev.refinery.taskmanagement.api.TaskRetried;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.domain.TaskId;
import dev.refinery.taskmanagement.domain.TaskJournal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The journal in {@code taskmanagement.task_history} and {@code taskmanagement.clarification}. */
@ApplicationScoped
public class JpaTaskJournal implements TaskJournal {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final java.lang.reflect.Type QUESTIONS =
      new java.util.ArrayList<Question>() {}.getClass().getGenericSuperclass();
  private static final java.lang.reflect.Type ANSWERS =
      new java.util.ArrayList<Answer>() {}.getClass().getGenericSuperclass();

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public void record(TaskEvent event, TaskStatus from, UUID causedBy, Instant at) {
    entityManager
        .createNativeQuery(
            "INSERT INTO taskmanagement.task_history (task_id, event, from_status, to_status,"
                + " round, revision, actor, detail, message_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)")
        .setParameter(1, UUID.fromString(event.taskId()))
        .setParameter(2, event.getClass().getSimpleName())
        .setParameter(3, from == null ? null : from.name())
        .setParameter(4, event.status().name())
        .setParameter(5, event.round())
        .setParameter(6, event.revision())
        .setParameter(7, actor(event))
        .setParameter(8, detail(event))
        .setParameter(9, causedBy)
        .setParameter(10, Timestamp.from(at))
        .executeUpdate();
    if (event instanceof ClarificationRequested asked) {
      entityManager
          .createNativeQuery(
              "INSERT INTO taskmanagement.clarification (task_id, round, questions, asked_at)"
                  + " VALUES (?, ?, ?, ?)")
          .setParameter(1, UUID.fromString(asked.taskId()))
          .setParameter(2, asked.round())
          .setParameter(3, JSONB.toJson(asked.questions()))
          .setParameter(4, Timestamp.from(at))
          .executeUpdate();
    } else if (event instanceof ClarificationAnswered answered) {
      entityManager
          .createNativeQuery(
              "UPDATE taskmanagement.clarification SET answers = ?, recommendations_accepted = ?,"
                  + " answered_by = ?, answered_at = ? WHERE task_id = ? AND round = ?")
          .setParameter(1, JSONB.toJson(answered.answers()))
          .setParameter(2, answered.recommendationsAccepted())
          .setParameter(3, answered.by())
          .setParameter(4, Timestamp.from(at))
          .setParameter(5, UUID.fromString(answered.taskId()))
          .setParameter(6, answered.round())
          .executeUpdate();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<HistoryEntry> history(TaskId task) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT event, from_status, to_status, round, revision, actor, detail, message_id,"
                    + " at FROM taskmanagement.task_history WHERE task_id = ? ORDER BY id")
            .setParameter(1, task.value())
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new HistoryEntry(
                    (String) row[0],
                    row[1] == null ? null : TaskStatus.valueOf((String) row[1]),
                    TaskStatus.valueOf((String) row[2]),
                    ((Number) row[3]).intValue(),
                    ((Number) row[4]).intValue(),
                    (String) row[5],
                    (String) row[6],
                    (UUID) row[7],
                    instant(row[8])))
        .toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<ClarificationRound> clarifications(TaskId task) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT round, questions, answers, recommendations_accepted, answered_by, asked_at,"
                    + " answered_at FROM taskmanagement.clarification WHERE task_id = ? ORDER BY"
                    + " round")
            .setParameter(1, task.value())
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new ClarificationRound(
                    ((Number) row[0]).intValue(),
                    JSONB.fromJson((String) row[1], QUESTIONS),
                    row[2] == null ? List.of() : JSONB.fromJson((String) row[2], ANSWERS),
                    Boolean.TRUE.equals(row[3]),
                    (String) row[4],
                    instant(row[5]),
                    instant(row[6])))
        .toList();
  }

  private static String actor(TaskEvent event) {
    return switch (event) {
      case ClarificationAnswered e -> e.by();
      case PrdApproved e -> e.by();
      case PrdRejected e -> e.by();
      case TaskRetried e -> e.by();
      case TaskCancelled e -> e.by();
      default -> null;
    };
  }

  private static String detail(TaskEvent event) {
    return switch (event) {
      case ClarificationRequested e -> e.questions().size() + " questions";
      case PrdRejected e -> e.reason();
      case TaskFailed e -> e.reason();
      case TaskCancelled e -> e.reason();
      default -> null;
    };
  }
}
