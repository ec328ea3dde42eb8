package dev.refinery.orchestration.infrastructure.persistence;

import dev.refinery.orchestration.domain.ServiceLevelLadder;
import dev.refinery.orchestration.domain.ServiceLevelStep;
import dev.refinery.orchestration.domain.ServiceLevelSteps;
import dev.refinery.orchestration.domain.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Service-level steps taken, in {@code orchestration.sla_step}, one row per task, episode and step.
 */
@ApplicationScoped
public class JpaServiceLevelSteps implements ServiceLevelSteps {

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public List<Workflow> lockDue(
      ServiceLevelLadder ladder, ServiceLevelStep step, Instant before, int limit) {
    String episode = ladder == ServiceLevelLadder.CLARIFICATION ? "w.round" : "w.revision";
    String columns = JpaWorkflowRepository.COLUMNS.replaceAll("(\\w+)", "w.$1");
    return JpaWorkflowRepository.workflows(
        entityManager
            .createNativeQuery(
                "SELECT "
                    + columns
                    + " FROM orchestration.workflow w WHERE w.status = ? AND w.updated_at < ? AND"
                    + " NOT EXISTS (SELECT 1 FROM orchestration.sla_step s WHERE s.task_id ="
                    + " w.task_id AND s.episode = ? || '#' || "
                    + episode
                    + " AND s.step = ?) ORDER BY w.updated_at LIMIT ? FOR UPDATE OF w SKIP LOCKED")
            .setParameter(1, ladder.state().name())
            .setParameter(2, Timestamp.from(before))
            .setParameter(3, ladder.state().name())
            .setParameter(4, step.key())
            .setParameter(5, limit));
  }

  @Override
  public boolean taken(
      Workflow workflow, ServiceLevelLadder ladder, ServiceLevelStep step, Instant at) {
    return entityManager
            .createNativeQuery(
                "INSERT INTO orchestration.sla_step (task_id, episode, step, taken_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .setParameter(1, workflow.taskId())
            .setParameter(2, ladder.episodeKey(workflow))
            .setParameter(3, step.key())
            .setParameter(4, Timestamp.from(at))
            .executeUpdate()
        == 1;
  }
}
