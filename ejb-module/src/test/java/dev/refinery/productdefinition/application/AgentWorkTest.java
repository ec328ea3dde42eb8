package dev.refinery.productdefinition.application;

import static dev.refinery.productdefinition.application.ProductDefinitionHarness.LEASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.productdefinition.api.AgentRunFailed;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.productdefinition.domain.WorkClaim;
import dev.refinery.productdefinition.domain.WorkItem;
import dev.refinery.productdefinition.domain.WorkStatus;
import dev.refinery.taskmanagement.api.FailTask;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.RequestClarification;
import dev.refinery.taskmanagement.api.RequestValidationStarted;
import dev.refinery.taskmanagement.api.SubmitPrd;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Given work in the queue, when an agent claims it and reports, then what is kept, published and
 * refused.
 */
class AgentWorkTest {

  private static final String POOL = TaskPollingService.POOL;
  private static final AgentRun RUN = new AgentRun("offline", null, "v1", 0, 0, 12, 0);
  private static final AgentResult.Clarify ASK =
      new AgentResult.Clarify(
          List.of(
              new Question(
                  "who",
                  "Who needs it?",
                  List.of(new Question.Option("fin", "Finance")),
                  "fin",
                  "audience")),
          RUN);

  private final ProductDefinitionHarness harness = new ProductDefinitionHarness();

  private UUID ready(String title, Priority priority) {
    UUID task = UUID.randomUUID();
    harness.workItems.apply(
        new RequestValidationStarted(
            task.toString(),
            TaskStatus.REQUEST_VALIDATION,
            0,
            0,
            POOL,
            title,
            "",
            "ana",
            priority));
    return task;
  }

  private static Prd prd(String title) {
    return new Prd(
        title, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  @Test
  void aClaimTakesTheMostUrgentWorkFirstThenTheOldest() {
    UUID older = ready("older", Priority.MEDIUM);
    UUID urgent = ready("urgent", Priority.CRITICAL);
    UUID newer = ready("newer", Priority.MEDIUM);

    List<WorkClaim> claims = harness.work.claim(POOL, 3, LEASE);

    assertThat(claims).extracting(WorkClaim::taskId).containsExactly(urgent, older, newer);
    assertThat(claims)
        .allSatisfy(
            claim ->
                assertThat(harness.store.item(claim.taskId()).status())
                    .isEqualTo(WorkStatus.RUNNING));
  }

  @Test
  void aPrdFromTheHolderIsKeptAsTheNextRevisionAndSubmitted() {
    UUID task = ready("Export", Priority.HIGH);
    WorkClaim claim = harness.work.claim(POOL, 1, LEASE).getFirst();

    boolean taken = harness.work.complete(claim, new AgentResult.WritePrd(prd("Export"), RUN));

    assertThat(taken).isTrue();
    assertThat(harness.store.prdVersions.of(task))
        .singleElement()
        .satisfies(version -> assertThat(version.revision()).isEqualTo(1));
    assertThat(harness.published).containsExactly(new SubmitPrd(task.toString(), 1));
    assertThat(harness.store.item(task).status()).isEqualTo(WorkStatus.WAITING);
    assertThat(harness.store.runs).containsExactly(task + " #1 PRD");
  }

  @Test
  void questionsFromTheHolderGoOutAsTheNextRound() {
    UUID task = ready("Export", Priority.HIGH);
    WorkClaim claim = harness.work.claim(POOL, 1, LEASE).getFirst();

    harness.work.complete(claim, ASK);

    assertThat(harness.published)
        .containsExactly(new RequestClarification(task.toString(), 1, ASK.questions()));
    assertThat(harness.runsCounted).containsExactly("offline CLARIFY");
  }

  @Test
  void aLeaseThatRanOutIsReclaimedWithAnAlertAndTheFirstHoldersLateResultIsRefused() {
    UUID task = ready("Export", Priority.HIGH);
    WorkClaim first = harness.work.claim(POOL, 1, LEASE).getFirst();
    harness.clock.pass(LEASE.plusSeconds(1));

    WorkClaim second = harness.work.claim(POOL, 1, LEASE).getFirst();
    boolean taken = harness.work.complete(first, ASK);

    assertThat(second.reclaimed()).isTrue();
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(harness.alertsRaised).containsExactly(AgentWork.LEASE_EXPIRED + ":" + task);
    assertThat(taken).isFalse();
    assertThat(harness.published).isEmpty();
    assertThat(harness.store.runs)
        .containsExactly(
            task
                + " #1 REFUSED: late result: the lease ran out and the work"
                + " was claimed again");
    WorkItem.State item = harness.store.item(task);
    assertThat(item.status()).isEqualTo(WorkStatus.RUNNING);
    assertThat(item.leaseToken()).isEqualTo(second.token());
  }

  @Test
  void aFailedRunWithRetriesLeftIsDueAgainOnlyAfterItsDelay() {
    UUID task = ready("Export", Priority.HIGH);
    WorkClaim claim = harness.work.claim(POOL, 1, LEASE).getFirst();

    harness.work.failed(claim, RUN, "model timed out", true, Optional.of(Duration.ofSeconds(30)));

    assertThat(harness.published)
        .containsExactly(
            new AgentRunFailed(task.toString(), 1, "offline", "model timed out", true, false));
    assertThat(harness.work.claim(POOL, 1, LEASE)).isEmpty();
    harness.clock.pass(Duration.ofSeconds(30));
    assertThat(harness.work.claim(POOL, 1, LEASE))
        .extracting(WorkClaim::attempt)
        .containsExactly(2);
  }

  @Test
  void theLastFailedRunFailsTheTask() {
    UUID task = ready("Export", Priority.HIGH);
    WorkClaim claim = harness.work.claim(POOL, 1, LEASE).getFirst();

    harness.work.failed(claim, RUN, "model refused", false, Optional.empty());

    assertThat(harness.store.item(task).status()).isEqualTo(WorkStatus.FAILED);
    assertThat(harness.published)
        .last()
        .isEqualTo(
            new FailTask(
                task.toString(), "agent offline failed on attempt 1: model refused", false));
    assertThat(harness.store.runs).containsExactly(task + " #1 FAILED: model refused");
  }

  @Test
  void aResultFreesTheSlotForTheNextDueWorkInTheSameTransaction() {
    UUID first = ready("first", Priority.HIGH);
    UUID second = ready("second", Priority.HIGH);
    WorkClaim claim = harness.work.claim(POOL, 1, LEASE).getFirst();

    Optional<WorkClaim> next = harness.work.completeThenClaim(claim, ASK, POOL, LEASE);

    assertThat(claim.taskId()).isEqualTo(first);
    assertThat(next).map(WorkClaim::taskId).contains(second);
  }
}
