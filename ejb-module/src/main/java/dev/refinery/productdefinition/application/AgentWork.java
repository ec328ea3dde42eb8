package dev.refinery.productdefinition.application;

import dev.refinery.productdefinition.api.AgentRunFailed;
import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.Alerts;
import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.productdefinition.domain.PrdDocuments;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.FailTask;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.RequestClarification;
import dev.refinery.taskmanagement.api.SubmitPrd;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The work queue's transactions. A claim leases work items (a lease that ran out, then the highest
 * priority, then the oldest) with {@code SKIP LOCKED} and a fencing token; a result is taken only from the
 * holder of the current token, so work whose lease ran out and was claimed again refuses the late result
 * of the first holder.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AgentWork {

  /** A leased work item: what the agent needs, and the token its result must carry. */
  public record Claim(UUID taskId, long token, int attempt, String title, String description, String requester,
      Priority priority, int round, int revision) {}

  /** The alert kind of a lease that ran out: the holder died or hung, and another instance took over. */
  public static final String LEASE_EXPIRED = "agent-lease-expired";
  private static final System.Logger LOG = System.getLogger(AgentWork.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject MessageQueue queue;

  @Inject PrdDocuments documents;

  @Inject AgentMetrics metrics;

  @Inject Alerts alerts;

  /**
   * Claims up to {@code limit} due work items in a transaction of its own (the poller's): a lease that ran
   * out first (its task has already waited a whole lease), then the highest priority, then the oldest.
   */
  public List<Claim> claim(String pool, int limit, Duration lease) {
    return claimDue(pool, limit, lease);
  }

  /**
   * Claims the next due work item in the caller's transaction, in the same order as {@link #claim}: the
   * event that made an item READY starts an agent at once, on the work that is owed first (which is the
   * item it made ready only when nothing older or more urgent waits). Empty when nothing is due.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<Claim> claimNext(String pool, Duration lease) {
    return claimDue(pool, 1, lease).stream().findFirst();
  }

  @SuppressWarnings("unchecked")
  private List<Claim> claimDue(String pool, int limit, Duration lease) {
    List<Object[]> rows = entityManager.createNativeQuery("""
            WITH due AS (SELECT task_id, status AS was FROM productdefinition.work_item
                         WHERE pool = ? AND ((status = 'READY' AND available_at <= now())
                                             OR (status = 'RUNNING' AND lease_until < now()))
                         ORDER BY status = 'RUNNING' DESC, priority_rank DESC, created_at LIMIT ? FOR UPDATE SKIP LOCKED)
            UPDATE productdefinition.work_item w SET status = 'RUNNING', lease_token = lease_token + 1,
                   lease_until = now() + make_interval(secs => ?), attempts = attempts + 1, updated_at = now()
            FROM due WHERE w.task_id = due.task_id
            RETURNING w.task_id, w.lease_token, w.attempts, w.title, w.description, w.requester, w.priority, w.round,
                      w.revision, w.priority_rank, w.created_at, due.was""")
        .setParameter(1, pool)
        .setParameter(2, limit)
        .setParameter(3, lease.toSeconds())
        .getResultList();
    rows.stream().filter(row -> "RUNNING".equals(row[11])).forEach(row -> alerts.raise(Alert.of(leaseCondition(row[0]),
        LEASE_EXPIRED, "the agent's lease on task '" + row[3] + "' ran out before it finished; the work was claimed"
            + " again (token " + row[1] + ")", row[0].toString(), null)));
    return rows.stream()
        .sorted(Comparator.comparing((Object[] row) -> !"RUNNING".equals(row[11]))
            .thenComparing(row -> -((Number) row[9]).intValue()).thenComparing(row -> row[10].toString()))
        .map(row -> new Claim((UUID) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).intValue(),
            (String) row[3], (String) row[4], (String) row[5], Priority.valueOf((String) row[6]),
            ((Number) row[7]).intValue(), ((Number) row[8]).intValue()))
        .toList();
  }

  /** What the agent is told: the request, the rounds so far with their answers, earlier rejections. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public AgentRequest request(Claim claim, int maxRounds) {
    List<Object[]> asked = entityManager.createNativeQuery("SELECT round, question_id, question, answer"
            + " FROM productdefinition.clarification WHERE task_id = ? ORDER BY round, question_id")
        .setParameter(1, claim.taskId()).getResultList();
    List<Object[]> versions = entityManager.createNativeQuery("SELECT revision, rejection_reason, document"
            + " FROM productdefinition.prd_version WHERE task_id = ? ORDER BY revision")
        .setParameter(1, claim.taskId()).getResultList();
    List<AgentRequest.Clarification> clarifications = asked.stream().map(row -> new AgentRequest.Clarification(
        ((Number) row[0]).intValue(), (String) row[1], JSONB.fromJson((String) row[2], Question.class).text(),
        (String) row[3])).toList();
    List<AgentRequest.Rejection> rejections = versions.stream().filter(row -> row[1] != null)
        .map(row -> new AgentRequest.Rejection(((Number) row[0]).intValue(), (String) row[1])).toList();
    Prd previous = versions.isEmpty() ? null : documents.prd((String) versions.getLast()[2]);
    return new AgentRequest(claim.taskId().toString(), claim.title(), claim.description(), claim.requester(),
        claim.priority(), claim.round(), maxRounds, claim.revision() + 1, clarifications, rejections, previous);
  }

  /** Takes the agent's result (a PRD already checked against the schema) if the claim still holds; false when refused as late. */
  public boolean complete(Claim claim, AgentResult result) {
    if (!holds(claim)) {
      record(claim, result.run(), "REFUSED", "late result: the lease ran out and the work was claimed again");
      LOG.log(Level.WARNING, "Refused a late result for task {0} (token {1})", claim.taskId(), claim.token());
      return false;
    }
    String task = claim.taskId().toString();
    alerts.clear(leaseCondition(claim.taskId()));
    switch (result) {
      case AgentResult.Clarify clarify -> {
        queue.publishCommand(new RequestClarification(task, claim.round() + 1, clarify.questions()));
        record(claim, result.run(), "CLARIFY", null);
      }
      case AgentResult.WritePrd write -> {
        String json = documents.json(write.prd());
        int revision = claim.revision() + 1;
        entityManager.createNativeQuery("INSERT INTO productdefinition.prd_version (task_id, revision, document, agent,"
                + " model, prompt_version, created_at) VALUES (?, ?, ?, ?, ?, ?, now())")
            .setParameter(1, claim.taskId()).setParameter(2, revision).setParameter(3, json)
            .setParameter(4, result.run().agent()).setParameter(5, result.run().model())
            .setParameter(6, result.run().promptVersion())
            .executeUpdate();
        queue.publishCommand(new SubmitPrd(task, revision));
        record(claim, result.run(), "PRD", null);
      }
    }
    finish(claim, "WAITING", null, Duration.ZERO);
    LOG.log(Level.INFO, "Agent {0} finished task {1}: {2}", result.run().agent(), task, result.getClass().getSimpleName());
    return true;
  }

  /**
   * {@link #complete}, then, in the same transaction, the claim of the next due item in {@code pool} for the
   * agent slot the result frees: a busy pool spends no transaction of its own on claims. Empty when the
   * result was refused as late or nothing is due.
   */
  public Optional<Claim> completeThenClaim(Claim claim, AgentResult result, String pool, Duration lease) {
    return complete(claim, result) ? claimDue(pool, 1, lease).stream().findFirst() : Optional.empty();
  }

  /** {@link #failed}, then the claim of the next due item for the slot, as {@link #completeThenClaim} does. */
  public Optional<Claim> failedThenClaim(Claim claim, AgentRun run, String reason, boolean retryable,
      Optional<Duration> retryIn, String pool, Duration lease) {
    failed(claim, run, reason, retryable, retryIn);
    return claimDue(pool, 1, lease).stream().findFirst();
  }

  /**
   * A failed run: tried again after {@code retryIn} when that is present, otherwise the task fails. Either
   * way an alert event says so.
   */
  public void failed(Claim claim, AgentRun run, String reason, boolean retryable, Optional<Duration> retryIn) {
    if (!holds(claim)) {
      LOG.log(Level.WARNING, "Ignored a late failure for task {0} (token {1}): {2}", claim.taskId(), claim.token(), reason);
      return;
    }
    boolean last = retryIn.isEmpty();
    String task = claim.taskId().toString();
    alerts.clear(leaseCondition(claim.taskId()));
    String agent = run.agent();
    record(claim, run, last ? "FAILED" : "RETRY", reason);
    queue.publishEvent(new AgentRunFailed(task, claim.attempt(), agent, reason, retryable, last));
    if (last) {
      finish(claim, "FAILED", reason, Duration.ZERO);
      queue.publishCommand(new FailTask(task, "agent " + agent + " failed on attempt " + claim.attempt() + ": " + reason, retryable));
      LOG.log(Level.WARNING, "Task {0} fails after attempt {1}: {2}", task, claim.attempt(), reason);
    } else {
      finish(claim, "READY", reason, retryIn.get());
      LOG.log(Level.INFO, "Task {0}: attempt {1} failed ({2}); next in {3} s", task, claim.attempt(), reason,
          retryIn.get().toSeconds());
    }
  }

  private static String leaseCondition(Object task) {
    return LEASE_EXPIRED + ":" + task;
  }

  private boolean holds(Claim claim) {
    return !entityManager.createNativeQuery("SELECT 1 FROM productdefinition.work_item WHERE task_id = ?"
            + " AND status = 'RUNNING' AND lease_token = ? FOR UPDATE")
        .setParameter(1, claim.taskId()).setParameter(2, claim.token())
        .getResultList().isEmpty();
  }

  private void finish(Claim claim, String status, String error, Duration delay) {
    entityManager.createNativeQuery("UPDATE productdefinition.work_item SET status = ?, last_error = ?,"
            + " lease_until = NULL, available_at = now() + make_interval(secs => ?), updated_at = now() WHERE task_id = ?")
        .setParameter(1, status).setParameter(2, error).setParameter(3, delay.toMillis() / 1000.0)
        .setParameter(4, claim.taskId())
        .executeUpdate();
  }

  private void record(Claim claim, AgentRun run, String outcome, String error) {
    metrics.recorded(run, outcome);
    entityManager.createNativeQuery("INSERT INTO productdefinition.agent_run (task_id, attempt, agent, model,"
            + " prompt_version, tokens_in, tokens_out, latency_ms, cost_usd, outcome, error, finished_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())")
        .setParameter(1, claim.taskId()).setParameter(2, claim.attempt()).setParameter(3, run.agent())
        .setParameter(4, run.model()).setParameter(5, run.promptVersion()).setParameter(6, run.tokensIn())
        .setParameter(7, run.tokensOut()).setParameter(8, run.latencyMillis())
        .setParameter(9, java.math.BigDecimal.valueOf(run.costUsd())).setParameter(10, outcome)
        .setParameter(11, error)
        .executeUpdate();
  }
}
