package dev.refinery.productdefinition.infrastructure.persistence;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.productdefinition.api.AgentCosts;
import dev.refinery.productdefinition.api.AgentRunView;
import dev.refinery.productdefinition.domain.AgentOutcome;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.domain.AgentRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Agent runs in {@code productdefinition.agent_run}. */
@ApplicationScoped
public class JpaAgentRuns implements AgentRuns {

  private static final String SUMS =
      "SELECT count(*), coalesce(sum(tokens_in), 0), coalesce(sum(tokens_out), 0),"
          + " coalesce(sum(latency_ms), 0), coalesce(sum(cost_usd), 0) FROM"
          + " productdefinition.agent_run";

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public void record(UUID task, int attempt, AgentRun run, AgentOutcome outcome, String error) {
    entityManager
        .createNativeQuery(
            "INSERT INTO productdefinition.agent_run (task_id, attempt, agent, model,"
                + " prompt_version, tokens_in, tokens_out, latency_ms, cost_usd, outcome, error,"
                + " finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())")
        .setParameter(1, task)
        .setParameter(2, attempt)
        .setParameter(3, run.agent())
        .setParameter(4, run.model())
        .setParameter(5, run.promptVersion())
        .setParameter(6, run.tokensIn())
        .setParameter(7, run.tokensOut())
        .setParameter(8, run.latencyMillis())
        .setParameter(9, BigDecimal.valueOf(run.costUsd()))
        .setParameter(10, outcome.name())
        .setParameter(11, error)
        .executeUpdate();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<AgentRunView> of(UUID task) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT attempt, agent, model, prompt_version, tokens_in, tokens_out, latency_ms,"
                    + " cost_usd, outcome, error, finished_at FROM productdefinition.agent_run"
                    + " WHERE task_id = ? ORDER BY id")
            .setParameter(1, task)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new AgentRunView(
                    ((Number) row[0]).intValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    ((Number) row[4]).intValue(),
                    ((Number) row[5]).intValue(),
                    ((Number) row[6]).longValue(),
                    (BigDecimal) row[7],
                    (String) row[8],
                    (String) row[9],
                    instant(row[10])))
        .toList();
  }

  @Override
  public AgentCosts costs(UUID task) {
    return costs(
        entityManager.createNativeQuery(SUMS + " WHERE task_id = ?").setParameter(1, task));
  }

  @Override
  public AgentCosts total() {
    return costs(entityManager.createNativeQuery(SUMS));
  }

  private static AgentCosts costs(Query query) {
    Object[] row = (Object[]) query.getSingleResult();
    return new AgentCosts(
        ((Number) row[0]).intValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue(),
        ((Number) row[3]).longValue(),
        (BigDecimal) row[4]);
  }
}
