package dev.refinery.humaninteraction.infrastructure.persistence;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.humaninteraction.domain.ReviewBoard;
import dev.refinery.humaninteraction.domain.ReviewHold;
import dev.refinery.humaninteraction.domain.StepDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Holds in {@code humaninteraction.review_hold}, decisions not yet applied in {@code
 * step_decision}; the waiting reviews from the context's own {@code task_view}.
 */
@ApplicationScoped
public class JpaReviewBoard implements ReviewBoard {

  private static final String HOLD = "holder, held_since, assigned_by, revision";

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  @SuppressWarnings("unchecked")
  public List<Waiting> waiting(Selection selection, int limit) {
    String scope =
        switch (selection.scope()) {
          case ALL -> "";
          case HELD_BY -> " AND h.holder = :holder";
          case UNHELD -> " AND h.holder IS NULL";
        };
    Query query =
        entityManager
            .createNativeQuery(
                "SELECT v.task_id, v.title, v.requester, v.revision, v.updated_at, h."
                    + HOLD.replace(", ", ", h.")
                    + " FROM humaninteraction.task_view v"
                    + " LEFT JOIN humaninteraction.review_hold h"
                    + " ON h.task_id = v.task_id AND h.revision = v.revision"
                    + " WHERE v.status = 'PRD_VALIDATION'"
                    + " AND NOT EXISTS (SELECT 1 FROM humaninteraction.step_decision d"
                    + " WHERE d.task_id = v.task_id)"
                    + scope
                    + (selection.waitingBefore() == null ? "" : " AND v.updated_at < :before")
                    + " ORDER BY v.updated_at "
                    + (selection.newestFirst() ? "DESC" : "ASC")
                    + ", v.task_id")
            .setMaxResults(limit);
    if (selection.scope() == Selection.Scope.HELD_BY) {
      query.setParameter("holder", selection.holder());
    }
    if (selection.waitingBefore() != null) {
      query.setParameter("before", Timestamp.from(selection.waitingBefore()));
    }
    return ((List<Object[]>) query.getResultList())
        .stream()
            .map(
                row -> {
                  UUID task = (UUID) row[0];
                  return new Waiting(
                      task,
                      (String) row[1],
                      (String) row[2],
                      ((Number) row[3]).intValue(),
                      instant(row[4]),
                      hold(task, row, 5));
                })
            .toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<ReviewHold> hold(UUID task) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT " + HOLD + " FROM humaninteraction.review_hold WHERE task_id = ?")
            .setParameter(1, task)
            .getResultList();
    return rows.stream().findFirst().flatMap(row -> hold(task, row, 0));
  }

  @Override
  public void hold(ReviewHold hold) {
    entityManager
        .createNativeQuery(
            "INSERT INTO humaninteraction.review_hold (task_id, revision, holder, held_since,"
                + " assigned_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (task_id) DO UPDATE SET"
                + " revision = excluded.revision, holder = excluded.holder,"
                + " held_since = excluded.held_since, assigned_by = excluded.assigned_by")
        .setParameter(1, hold.taskId())
        .setParameter(2, hold.revision())
        .setParameter(3, hold.holder())
        .setParameter(4, Timestamp.from(hold.since()))
        .setParameter(5, hold.assignedBy())
        .executeUpdate();
  }

  @Override
  public boolean release(UUID task) {
    return entityManager
            .createNativeQuery("DELETE FROM humaninteraction.review_hold WHERE task_id = ?")
            .setParameter(1, task)
            .executeUpdate()
        == 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<StepDecision> decision(UUID task) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT decision, decided_by, decided_at FROM humaninteraction.step_decision"
                    + " WHERE task_id = ?")
            .setParameter(1, task)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row ->
                new StepDecision(
                    task,
                    StepDecision.Kind.valueOf((String) row[0]),
                    (String) row[1],
                    instant(row[2])));
  }

  @Override
  public void decided(StepDecision decision) {
    entityManager
        .createNativeQuery(
            "INSERT INTO humaninteraction.step_decision (task_id, decision, decided_by,"
                + " decided_at) VALUES (?, ?, ?, ?) ON CONFLICT (task_id) DO UPDATE SET"
                + " decision = excluded.decision, decided_by = excluded.decided_by,"
                + " decided_at = excluded.decided_at")
        .setParameter(1, decision.taskId())
        .setParameter(2, decision.kind().name())
        .setParameter(3, decision.by())
        .setParameter(4, Timestamp.from(decision.at()))
        .executeUpdate();
  }

  @Override
  public void stepMoved(UUID task) {
    entityManager
        .createNativeQuery(
            "DELETE FROM humaninteraction.step_decision WHERE task_id = ?"
                + " AND decision NOT IN (?, ?)")
        .setParameter(1, task)
        .setParameter(2, StepDecision.Kind.APPROVED.name())
        .setParameter(3, StepDecision.Kind.CANCELLED.name())
        .executeUpdate();
  }

  /** The hold in the row's columns from {@code at} on ({@link #HOLD}'s order); none when NULL. */
  private static Optional<ReviewHold> hold(UUID task, Object[] row, int at) {
    if (row[at] == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ReviewHold(
            task,
            ((Number) row[at + 3]).intValue(),
            (String) row[at],
            instant(row[at + 1]),
            (String) row[at + 2]));
  }
}
