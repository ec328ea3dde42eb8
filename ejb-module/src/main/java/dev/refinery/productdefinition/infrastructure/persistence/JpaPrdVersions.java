package dev.refinery.productdefinition.infrastructure.persistence;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.productdefinition.api.PrdVersion;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.domain.PrdVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** PRD revisions in {@code productdefinition.prd_version}. */
@ApplicationScoped
public class JpaPrdVersions implements PrdVersions {

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public void add(UUID task, int revision, String document, AgentRun run) {
    entityManager
        .createNativeQuery(
            "INSERT INTO productdefinition.prd_version (task_id, revision, document, agent,"
                + " model, prompt_version, created_at) VALUES (?, ?, ?, ?, ?, ?, now())")
        .setParameter(1, task)
        .setParameter(2, revision)
        .setParameter(3, document)
        .setParameter(4, run.agent())
        .setParameter(5, run.model())
        .setParameter(6, run.promptVersion())
        .executeUpdate();
  }

  @Override
  public void rejected(UUID task, int revision, String by, String reason) {
    entityManager
        .createNativeQuery(
            "UPDATE productdefinition.prd_version SET rejection_reason = ?, rejected_by = ?,"
                + " decided_at = now() WHERE task_id = ? AND revision = ?")
        .setParameter(1, reason)
        .setParameter(2, by)
        .setParameter(3, task)
        .setParameter(4, revision)
        .executeUpdate();
  }

  @Override
  public void approved(UUID task, int revision, String by) {
    entityManager
        .createNativeQuery(
            "UPDATE productdefinition.prd_version SET approved_by = ?, decided_at = now()"
                + " WHERE task_id = ? AND revision = ?")
        .setParameter(1, by)
        .setParameter(2, task)
        .setParameter(3, revision)
        .executeUpdate();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<PrdVersion> of(UUID task) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT revision, document, agent, model, prompt_version, created_at,"
                    + " rejection_reason, rejected_by, approved_by, decided_at FROM"
                    + " productdefinition.prd_version WHERE task_id = ? ORDER BY revision")
            .setParameter(1, task)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new PrdVersion(
                    ((Number) row[0]).intValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    instant(row[5]),
                    (String) row[6],
                    (String) row[7],
                    (String) row[8],
                    instant(row[9])))
        .toList();
  }
}
