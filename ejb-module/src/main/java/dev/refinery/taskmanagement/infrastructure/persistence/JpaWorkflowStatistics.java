package dev.refinery.taskmanagement.infrastructure.persistence;

import dev.refinery.shared.infrastructure.persistence.NativeRows;
import dev.refinery.taskmanagement.application.WorkflowStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The dashboard's figures, from {@code taskmanagement.task_history} and {@code
 * taskmanagement.task}.
 */
@ApplicationScoped
public class JpaWorkflowStatistics implements WorkflowStatistics {

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @SuppressWarnings("unchecked")
  @Override
  public List<Bucket> throughput(Duration window, Duration bucket) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT to_timestamp(floor(extract(epoch FROM at) / ?) * ?), event, count(*) FROM"
                    + " taskmanagement.task_history WHERE at > now() - make_interval(secs => ?) AND"
                    + " event IN ('TaskCreated', 'PrdSubmitted', 'PrdApproved') GROUP BY 1, 2 ORDER"
                    + " BY 1")
            .setParameter(1, bucket.toSeconds())
            .setParameter(2, bucket.toSeconds())
            .setParameter(3, window.toSeconds())
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Bucket(
                    NativeRows.instant(row[0]), (String) row[1], ((Number) row[2]).longValue()))
        .toList();
  }

  @SuppressWarnings("unchecked")
  @Override
  public List<StepLatency> stepLatencies(Duration window) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT to_status, percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds),"
                    + " percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds), count(*) FROM (SELECT"
                    + " to_status, extract(epoch FROM lead(at) OVER (PARTITION BY task_id ORDER BY"
                    + " id) - at) AS seconds FROM taskmanagement.task_history WHERE at > now() -"
                    + " make_interval(secs => ?)) steps WHERE seconds IS NOT NULL GROUP BY"
                    + " to_status ORDER BY to_status")
            .setParameter(1, window.toSeconds())
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new StepLatency(
                    (String) row[0],
                    ((Number) row[1]).doubleValue(),
                    ((Number) row[2]).doubleValue(),
                    ((Number) row[3]).longValue()))
        .toList();
  }

  @SuppressWarnings("unchecked")
  @Override
  public List<Waiting> oldestWaiting(int limit) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT id, title, status, requester, updated_at FROM taskmanagement.task WHERE"
                    + " status IN ('CLARIFICATION_NEEDED', 'PRD_VALIDATION', 'FAILED') ORDER BY"
                    + " updated_at LIMIT ?")
            .setParameter(1, Math.clamp(limit, 1, 100))
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Waiting(
                    (UUID) row[0],
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    NativeRows.instant(row[4])))
        .toList();
  }
}
