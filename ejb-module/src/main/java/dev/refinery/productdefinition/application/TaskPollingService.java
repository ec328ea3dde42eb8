package dev.refinery.productdefinition.application;

import dev.refinery.productdefinition.domain.AgentException;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.domain.PrdDocuments;
import dev.refinery.productdefinition.domain.ProductManagerAgent;
import dev.refinery.productdefinition.domain.WorkClaim;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWorks;
import dev.refinery.shared.infrastructure.concurrent.WorkerThreads;
import dev.refinery.shared.infrastructure.messaging.RetryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Task Polling Service (ADR-006): claims the product-manager pool's work, highest priority
 * first, then oldest, and runs the agent on it, at most {@code refinery.agent.concurrency} at once
 * on this instance. Woken when work becomes ready and by its timer; instances compete through the
 * work queue's leases. A retryable failure is tried again after a growing delay; the last one fails
 * the task. It takes no part in its callers' transactions: a delivery whose transaction is already
 * marked for rollback (its claim failed on a broken connection) must still give its agent slot
 * back, and a call in that transaction was refused by the container, leaking the slot (the fault
 * suite's F5, 5 December 2026).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskPollingService {

  public static final String POOL = "product-manager";

  @Inject AgentWork work;

  @Inject ProductManagerAgent agent;

  @Inject PrdDocuments documents;

  @Resource(lookup = WorkerThreads.NAME)
  ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "refinery.agent.concurrency")
  int concurrency;

  @Inject
  @ConfigProperty(name = "refinery.agent.lease")
  Duration lease;

  @Inject
  @ConfigProperty(name = "refinery.agent.retry-delays")
  String retryDelays;

  @Inject
  @ConfigProperty(name = "refinery.agent.max-rounds")
  int maxRounds;

  @Inject PeriodicWorks periodic;

  @Inject
  @ConfigProperty(name = "refinery.poller.interval")
  Duration interval;

  private PeriodicWork polling;
  private Semaphore slots;
  private RetryPolicy retries;

  @PostConstruct
  void start() {
    slots = new Semaphore(concurrency);
    retries = RetryPolicy.parse(retryDelays);
    polling = periodic.add(new PeriodicWork("poller", "Task polling", interval, this::pollNow));
    polling.runOn(executor);
  }

  /**
   * The timer's tick: polls every {@code refinery.poller.interval} (retries due, leases run out).
   */
  public void tick() {
    polling.tick();
  }

  public void wake() {
    polling.wake();
  }

  public void pause() {
    polling.pause();
  }

  public void resume() {
    polling.resume();
  }

  public boolean paused() {
    return polling.paused();
  }

  public Duration lease() {
    return lease;
  }

  /** How many agent runs this instance runs at once at most. */
  public int concurrency() {
    return concurrency;
  }

  public int inFlight() {
    return concurrency - slots.availablePermits();
  }

  /**
   * Takes an agent slot for work that the caller's transaction makes ready, so it can claim it in
   * the same transaction; false while polling is paused or every slot is busy (the poller then
   * takes it in turn). Give it back with {@link #release} if nothing was claimed, or hand the claim
   * to {@link #runClaimed}.
   */
  public boolean reserve() {
    return !polling.paused() && slots.tryAcquire();
  }

  public void release() {
    slots.release();
    polling.wake();
  }

  /** Runs the agent on a claim made in a committed transaction, on the slot reserved for it. */
  public void runClaimed(WorkClaim claim) {
    executor.execute(
        () -> {
          try {
            process(claim);
          } finally {
            release();
          }
        });
  }

  /** Claims as much work as there are free slots and starts it; returns how much it claimed. */
  public int pollNow() {
    int free = slots.availablePermits();
    if (free == 0) {
      return 0;
    }
    List<WorkClaim> claims = work.claim(POOL, free, lease);
    for (WorkClaim claim : claims) {
      slots.acquireUninterruptibly();
      executor.execute(
          () -> {
            try {
              process(claim);
            } finally {
              slots.release();
              polling.wake(); // more may be waiting
            }
          });
    }
    return claims.size();
  }

  /**
   * Runs the agent on the claim, then on each claim the transaction that took the previous outcome
   * made for this slot (while polling is not paused), until nothing is due.
   */
  private void process(WorkClaim first) {
    for (Optional<WorkClaim> claim = Optional.of(first); claim.isPresent(); ) {
      claim = processOne(claim.get());
    }
  }

  private Optional<WorkClaim> processOne(WorkClaim claim) {
    AgentResult result;
    try {
      result = agent.work(work.request(claim, maxRounds));
    } catch (AgentException e) {
      return fail(claim, e.run().orElse(nothingUsed()), e.getMessage(), e.retryable());
    } catch (RuntimeException e) {
      return fail(claim, nothingUsed(), e.toString(), true);
    }
    if (result instanceof AgentResult.WritePrd prd) {
      List<String> problems = documents.problems(documents.json(prd.prd()));
      if (!problems.isEmpty()) {
        return fail(claim, result.run(), "the PRD does not match the schema: " + problems, false);
      }
    }
    if (polling.paused()) {
      work.complete(claim, result);
      return Optional.empty();
    }
    return work.completeThenClaim(claim, result, POOL, lease);
  }

  private AgentRun nothingUsed() {
    return new AgentRun(agent.name(), null, null, 0, 0, 0, 0);
  }

  private Optional<WorkClaim> fail(
      WorkClaim claim, AgentRun run, String reason, boolean retryable) {
    Optional<Duration> next = retryable ? retries.delayAfter(claim.attempt()) : Optional.empty();
    if (polling.paused()) {
      work.failed(claim, run, reason, retryable, next);
      return Optional.empty();
    }
    return work.failedThenClaim(claim, run, reason, retryable, next, POOL, lease);
  }
}
