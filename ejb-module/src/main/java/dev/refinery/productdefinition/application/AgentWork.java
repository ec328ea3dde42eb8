package dev.refinery.productdefinition.application;

import static dev.refinery.shared.messaging.BoundedContext.PRODUCT_DEFINITION;

import dev.refinery.productdefinition.api.AgentRunFailed;
import dev.refinery.productdefinition.api.PrdVersion;
import dev.refinery.productdefinition.domain.AgentOutcome;
import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.domain.AgentRuns;
import dev.refinery.productdefinition.domain.Clarifications;
import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.productdefinition.domain.PrdDocuments;
import dev.refinery.productdefinition.domain.PrdVersions;
import dev.refinery.productdefinition.domain.WorkClaim;
import dev.refinery.productdefinition.domain.WorkItem;
import dev.refinery.productdefinition.domain.WorkQueue;
import dev.refinery.shared.logging.LogText;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.Alerts;
import dev.refinery.taskmanagement.api.FailTask;
import dev.refinery.taskmanagement.api.RequestClarification;
import dev.refinery.taskmanagement.api.SubmitPrd;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The work queue's transactions: claims, the request an agent is told, and taking its result or
 * failure. The rules (leases, fencing tokens, what may follow what) are {@link WorkItem}'s; a
 * result is taken only from the holder of the current token, so work whose lease ran out and was
 * claimed again refuses the late result of the first holder.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AgentWork {

  /**
   * The alert kind of a lease that ran out: the holder died or hung, and another instance took
   * over.
   */
  public static final String LEASE_EXPIRED = "agent-lease-expired";

  private static final System.Logger LOG = System.getLogger(AgentWork.class.getName());

  @Inject WorkQueue workQueue;

  @Inject Clarifications clarifications;

  @Inject PrdVersions versions;

  @Inject AgentRuns runs;

  @Inject MessageQueue queue;

  @Inject PrdDocuments documents;

  @Inject AgentMetrics metrics;

  @Inject Alerts alerts;

  @Inject Clock clock;

  /**
   * Claims up to {@code limit} due work items in a transaction of its own (the poller's): a lease
   * that ran out first (its task has already waited a whole lease), then the highest priority, then
   * the oldest.
   */
  public List<WorkClaim> claim(String pool, int limit, Duration lease) {
    return claimDue(pool, limit, lease);
  }

  /**
   * Claims the next due work item in the caller's transaction, in the same order as {@link #claim}:
   * the event that made an item READY starts an agent at once, on the work that is owed first
   * (which is the item it made ready only when nothing older or more urgent waits). Empty when
   * nothing is due.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<WorkClaim> claimNext(String pool, Duration lease) {
    return claimDue(pool, 1, lease).stream().findFirst();
  }

  private List<WorkClaim> claimDue(String pool, int limit, Duration lease) {
    Instant now = clock.instant();
    List<WorkClaim> claims = new ArrayList<>();
    for (WorkItem item : workQueue.lockDue(pool, limit)) {
      WorkClaim claim = item.claim(lease, now);
      workQueue.save(item);
      if (claim.reclaimed()) {
        alerts.raise(
            Alert.of(
                leaseCondition(claim.taskId()),
                LEASE_EXPIRED,
                "the agent's lease on task '"
                    + claim.title()
                    + "' ran out before it finished; the work was claimed again (token "
                    + claim.token()
                    + ")",
                claim.taskId().toString(),
                null));
      }
      claims.add(claim);
    }
    return claims;
  }

  /**
   * What the agent is told: the request, the rounds so far with their answers, earlier rejections.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public AgentRequest request(WorkClaim claim, int maxRounds) {
    List<PrdVersion> written = versions.of(claim.taskId());
    List<AgentRequest.Rejection> rejections =
        written.stream()
            .filter(version -> version.rejectionReason() != null)
            .map(
                version ->
                    new AgentRequest.Rejection(version.revision(), version.rejectionReason()))
            .toList();
    Prd previous = written.isEmpty() ? null : documents.prd(written.getLast().document());
    return new AgentRequest(
        claim.taskId().toString(),
        claim.title(),
        claim.description(),
        claim.requester(),
        claim.priority(),
        claim.round(),
        maxRounds,
        claim.revision() + 1,
        clarifications.of(claim.taskId()),
        rejections,
        previous);
  }

  /**
   * Takes the agent's result (a PRD already checked against the schema) if the claim still holds;
   * false when refused as late.
   */
  public boolean complete(WorkClaim claim, AgentResult result) {
    Optional<WorkItem> held = held(claim);
    if (held.isEmpty()) {
      record(
          claim,
          result.run(),
          AgentOutcome.REFUSED,
          "late result: the lease ran out and the work was claimed again");
      LOG.log(
          Level.WARNING,
          "Refused a late result for task {0} (token {1})",
          claim.taskId(),
          claim.token());
      return false;
    }
    String task = claim.taskId().toString();
    alerts.clear(leaseCondition(claim.taskId()));
    switch (result) {
      case AgentResult.Clarify clarify -> {
        queue.publishCommand(
            PRODUCT_DEFINITION,
            new RequestClarification(task, claim.round() + 1, clarify.questions()));
        record(claim, result.run(), AgentOutcome.CLARIFY, null);
      }
      case AgentResult.WritePrd write -> {
        int revision = claim.revision() + 1;
        versions.add(claim.taskId(), revision, documents.json(write.prd()), result.run());
        queue.publishCommand(PRODUCT_DEFINITION, new SubmitPrd(task, revision));
        record(claim, result.run(), AgentOutcome.PRD, null);
      }
    }
    WorkItem item = held.get();
    item.completed(claim.token(), clock.instant());
    workQueue.save(item);
    LOG.log(
        Level.INFO,
        "Agent {0} finished task {1}: {2}",
        result.run().agent(),
        task,
        result.getClass().getSimpleName());
    return true;
  }

  /**
   * {@link #complete}, then, in the same transaction, the claim of the next due item in {@code
   * pool} for the agent slot the result frees: a busy pool spends no transaction of its own on
   * claims. Empty when the result was refused as late or nothing is due.
   */
  public Optional<WorkClaim> completeThenClaim(
      WorkClaim claim, AgentResult result, String pool, Duration lease) {
    return complete(claim, result)
        ? claimDue(pool, 1, lease).stream().findFirst()
        : Optional.empty();
  }

  /**
   * {@link #failed}, then the claim of the next due item for the slot, as {@link
   * #completeThenClaim} does.
   */
  public Optional<WorkClaim> failedThenClaim(
      WorkClaim claim,
      AgentRun run,
      String reason,
      boolean retryable,
      Optional<Duration> retryIn,
      String pool,
      Duration lease) {
    failed(claim, run, reason, retryable, retryIn);
    return claimDue(pool, 1, lease).stream().findFirst();
  }

  /**
   * A failed run: tried again after {@code retryIn} when that is present, otherwise the task fails.
   * Either way an alert event says so.
   */
  public void failed(
      WorkClaim claim, AgentRun run, String reason, boolean retryable, Optional<Duration> retryIn) {
    Optional<WorkItem> held = held(claim);
    if (held.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Ignored a late failure for task {0} (token {1}): {2}",
          claim.taskId(),
          claim.token(),
          LogText.escaped(reason));
      return;
    }
    WorkItem item = held.get();
    boolean last = retryIn.isEmpty();
    String task = claim.taskId().toString();
    alerts.clear(leaseCondition(claim.taskId()));
    String agent = run.agent();
    record(claim, run, last ? AgentOutcome.FAILED : AgentOutcome.RETRY, reason);
    queue.publishEvent(new AgentRunFailed(task, claim.attempt(), agent, reason, retryable, last));
    Instant now = clock.instant();
    if (last) {
      item.failed(claim.token(), reason, now);
      queue.publishCommand(
          PRODUCT_DEFINITION,
          new FailTask(
              task,
              "agent " + agent + " failed on attempt " + claim.attempt() + ": " + reason,
              retryable));
      LOG.log(
          Level.WARNING,
          "Task {0} fails after attempt {1}: {2}",
          task,
          claim.attempt(),
          LogText.escaped(reason));
    } else {
      item.retryAt(claim.token(), reason, now.plus(retryIn.get()));
      LOG.log(
          Level.INFO,
          "Task {0}: attempt {1} failed ({2}); next in {3} s",
          task,
          claim.attempt(),
          LogText.escaped(reason),
          retryIn.get().toSeconds());
    }
    workQueue.save(item);
  }

  private static String leaseCondition(Object task) {
    return LEASE_EXPIRED + ":" + task;
  }

  /** The claim's work item, locked, if the claim still holds it. */
  private Optional<WorkItem> held(WorkClaim claim) {
    return workQueue.lock(claim.taskId()).filter(item -> item.heldBy(claim.token()));
  }

  private void record(WorkClaim claim, AgentRun run, AgentOutcome outcome, String error) {
    metrics.recorded(run, outcome.name());
    runs.record(claim.taskId(), claim.attempt(), run, outcome, error);
  }
}
