package dev.refinery.productdefinition.application;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.productdefinition.api.AgentCosts;
import dev.refinery.productdefinition.api.AgentRunView;
import dev.refinery.productdefinition.api.PrdVersion;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Reading a task's PRD versions and agent runs. */
@Stateless
public class Prds {

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @SuppressWarnings("unchecked")
  public List<PrdVersion> versions(UUID task) {
    List<Object[]> rows = entityManager.createNativeQuery("SELECT revision, document, agent, model, prompt_version,"
            + " created_at, rejection_reason, rejected_by, approved_by, decided_at FROM productdefinition.prd_version"
            + " WHERE task_id = ? ORDER BY revision")
        .setParameter(1, task).getResultList();
    return rows.stream().map(row -> new PrdVersion(((Number) row[0]).intValue(), (String) row[1], (String) row[2],
        (String) row[3], (String) row[4], instant(row[5]), (String) row[6], (String) row[7], (String) row[8],
        instant(row[9]))).toList();
  }

  public AgentCosts costs(UUID task) {
    Object[] row = (Object[]) entityManager.createNativeQuery("SELECT count(*), coalesce(sum(tokens_in), 0),"
            + " coalesce(sum(tokens_out), 0), coalesce(sum(latency_ms), 0), coalesce(sum(cost_usd), 0)"
            + " FROM productdefinition.agent_run WHERE task_id = ?")
        .setParameter(1, task).getSingleResult();
    return new AgentCosts(((Number) row[0]).intValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
        ((Number) row[3]).longValue(), (BigDecimal) row[4]);
  }

  @SuppressWarnings("unchecked")
  public List<AgentRunView> runs(UUID task) {
    List<Object[]> rows = entityManager.createNativeQuery("SELECT attempt, agent, model, prompt_version, tokens_in,"
            + " tokens_out, latency_ms, cost_usd, outcome, error, finished_at FROM productdefinition.agent_run"
            + " WHERE task_id = ? ORDER BY id")
        .setParameter(1, task).getResultList();
    return rows.stream().map(row -> new AgentRunView(((Number) row[0]).intValue(), (String) row[1], (String) row[2],
        (String) row[3], ((Number) row[4]).intValue(), ((Number) row[5]).intValue(), ((Number) row[6]).longValue(),
        (BigDecimal) row[7], (String) row[8], (String) row[9], instant(row[10]))).toList();
  }

}
