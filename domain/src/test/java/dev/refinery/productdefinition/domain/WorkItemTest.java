package dev.refinery.productdefinition.domain;

import static dev.refinery.productdefinition.domain.WorkStatus.DONE;
import static dev.refinery.productdefinition.domain.WorkStatus.FAILED;
import static dev.refinery.productdefinition.domain.WorkStatus.READY;
import static dev.refinery.productdefinition.domain.WorkStatus.RUNNING;
import static dev.refinery.productdefinition.domain.WorkStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Given a work item in a state, when an event or an agent acts on it, then its new state or a
 * refusal.
 */
class WorkItemTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final WorkItem.Request REQUEST =
      new WorkItem.Request("Export to CSV", "for finance", "ana", Priority.HIGH);

  /**
   * An item in {@code status} at round 1, revision 1, leased once (token 1), three attempts made.
   */
  private static WorkItem in(WorkStatus status) {
    return WorkItem.of(
        new WorkItem.State(
            TASK,
            REQUEST,
            "default",
            status,
            1,
            1,
            3,
            NOW.minusSeconds(60),
            status == RUNNING ? NOW.plus(LEASE) : null,
            1,
            status == READY ? "timed out" : null));
  }

  @Nested
  class WhenAnAgentIsOwedWork {

    @ParameterizedTest
    @EnumSource(
        value = WorkStatus.class,
        names = {"WAITING", "READY", "RUNNING"})
    void anOpenItemIsReadyAtOnceWithAFreshCountAndNoLease(WorkStatus status) {
      WorkItem item = in(status);

      boolean changed = item.ready("default", 2, 1, false, NOW);

      assertThat(changed).isTrue();
      assertThat(item.state())
          .extracting(
              WorkItem.State::status,
              WorkItem.State::round,
              WorkItem.State::attempts,
              WorkItem.State::availableAt,
              WorkItem.State::leaseUntil,
              WorkItem.State::lastError)
          .containsExactly(READY, 2, 0, NOW, null, null);
    }

    @ParameterizedTest
    @EnumSource(
        value = WorkStatus.class,
        names = {"READY", "RUNNING"})
    void theSameStepAgainLeavesAnAgentItsWork(WorkStatus status) {
      WorkItem item = in(status);
      WorkItem.State before = item.state();

      assertThat(item.ready("default", 1, 1, false, NOW)).isFalse();
      assertThat(item.state()).isEqualTo(before);
    }

    @Test
    void aWaitingItemIsReadyAtTheSameStep() {
      WorkItem item = in(WAITING);

      assertThat(item.ready("default", 1, 1, false, NOW)).isTrue();
      assertThat(item.status()).isEqualTo(READY);
    }

    @Test
    void aDoneItemStaysDoneEvenOnARetry() {
      WorkItem item = in(DONE);

      assertThat(item.ready("default", 2, 1, true, NOW)).isFalse();
      assertThat(item.status()).isEqualTo(DONE);
    }

    @Test
    void aFailedItemComesBackOnlyOnARetry() {
      WorkItem late = in(FAILED);
      WorkItem retried = in(FAILED);

      assertThat(late.ready("default", 1, 1, false, NOW)).isFalse();
      assertThat(retried.ready("default", 1, 1, true, NOW)).isTrue();

      assertThat(late.status()).isEqualTo(FAILED);
      assertThat(retried.status()).isEqualTo(READY);
    }

    @Test
    void anEventOfAnEarlierRoundOrRevisionChangesNothing() {
      WorkItem item = in(WAITING);

      assertThat(item.ready("default", 0, 1, false, NOW)).isFalse();
      assertThat(item.ready("default", 1, 0, false, NOW)).isFalse();
      assertThat(item.status()).isEqualTo(WAITING);
    }
  }

  @Nested
  class WhenAPersonTakesOver {

    @Test
    void aRunningItemWaitsAndItsLeaseEnds() {
      WorkItem item = in(RUNNING);

      assertThat(item.settle(WAITING, 2, 1)).isTrue();

      assertThat(item.state().status()).isEqualTo(WAITING);
      assertThat(item.state().leaseUntil()).isNull();
      assertThat(item.heldBy(1)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
        value = WorkStatus.class,
        names = {"WAITING", "DONE", "FAILED"})
    void aDoneItemStaysDone(WorkStatus next) {
      WorkItem item = in(DONE);

      assertThat(item.settle(next, 5, 5)).isFalse();
      assertThat(item.status()).isEqualTo(DONE);
    }

    @Test
    void settlingIsNeverToAnAgent() {
      assertThatThrownBy(() -> in(WAITING).settle(READY, 1, 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> in(WAITING).settle(RUNNING, 1, 1))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTaskStatusSaysWhatTheItemSettlesTo() {
      assertThat(WorkStatus.settledBy(TaskStatus.CLARIFICATION_NEEDED)).isEqualTo(WAITING);
      assertThat(WorkStatus.settledBy(TaskStatus.PRD_VALIDATION)).isEqualTo(WAITING);
      assertThat(WorkStatus.settledBy(TaskStatus.PRD_APPROVED)).isEqualTo(DONE);
      assertThat(WorkStatus.settledBy(TaskStatus.CANCELLED)).isEqualTo(DONE);
      assertThat(WorkStatus.settledBy(TaskStatus.FAILED)).isEqualTo(FAILED);
    }
  }

  @Nested
  class WhenAnAgentClaimsIt {

    @Test
    void aReadyItemIsLeasedUnderTheNextTokenAndCountsAnAttempt() {
      WorkItem item = in(READY);

      WorkClaim claim = item.claim(LEASE, NOW);

      assertThat(claim)
          .extracting(
              WorkClaim::taskId,
              WorkClaim::token,
              WorkClaim::attempt,
              WorkClaim::title,
              WorkClaim::round,
              WorkClaim::revision,
              WorkClaim::reclaimed)
          .containsExactly(TASK, 2L, 4, "Export to CSV", 1, 1, false);
      assertThat(item.state().status()).isEqualTo(RUNNING);
      assertThat(item.state().leaseUntil()).isEqualTo(NOW.plus(LEASE));
      assertThat(item.heldBy(2)).isTrue();
    }

    @Test
    void aRunningItemIsReclaimedAndItsLastHolderFencedOff() {
      WorkItem item = in(RUNNING);

      WorkClaim claim = item.claim(LEASE, NOW.plus(LEASE).plusSeconds(1));

      assertThat(claim.reclaimed()).isTrue();
      assertThat(item.heldBy(1)).isFalse();
      assertThat(item.heldBy(claim.token())).isTrue();
      assertThatThrownBy(() -> item.completed(1, NOW))
          .isInstanceOf(LeaseLostException.class)
          .hasMessageContaining("not RUNNING under 1");
    }

    @ParameterizedTest
    @EnumSource(
        value = WorkStatus.class,
        names = {"WAITING", "DONE", "FAILED"})
    void anItemNoAgentIsOwedCannotBeClaimed(WorkStatus status) {
      assertThatThrownBy(() -> in(status).claim(LEASE, NOW))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("nothing to claim");
    }
  }

  @Nested
  class WhenTheHolderReports {

    @Test
    void aResultLeavesTheItemWaitingForAPerson() {
      WorkItem item = in(RUNNING);

      item.completed(1, NOW);

      assertThat(item.state())
          .extracting(WorkItem.State::status, WorkItem.State::leaseUntil, WorkItem.State::lastError)
          .containsExactly(WAITING, null, null);
    }

    @Test
    void aFailureToTryAgainMakesItReadyLaterWithTheError() {
      WorkItem item = in(RUNNING);

      item.retryAt(1, "model timed out", NOW.plusSeconds(30));

      assertThat(item.state())
          .extracting(
              WorkItem.State::status,
              WorkItem.State::availableAt,
              WorkItem.State::lastError,
              WorkItem.State::attempts)
          .containsExactly(READY, NOW.plusSeconds(30), "model timed out", 3);
    }

    @Test
    void theLastFailureFailsIt() {
      WorkItem item = in(RUNNING);

      item.failed(1, "model refused", NOW);

      assertThat(item.status()).isEqualTo(FAILED);
      assertThat(item.state().lastError()).isEqualTo("model refused");
    }

    @ParameterizedTest
    @EnumSource(
        value = WorkStatus.class,
        names = {"WAITING", "READY", "DONE", "FAILED"})
    void noOneReportsOnAnItemThatIsNotRunning(WorkStatus status) {
      WorkItem item = in(status);

      assertThatThrownBy(() -> item.completed(1, NOW)).isInstanceOf(LeaseLostException.class);
      assertThat(item.status()).isEqualTo(status);
    }
  }

  @Nested
  class WhenAnOperatorRunsTheAgentAgain {

    @Test
    void anAttemptWaitingForLaterIsDueNow() {
      WorkItem item =
          WorkItem.of(
              new WorkItem.State(
                  TASK, REQUEST, "default", READY, 1, 1, 3, NOW.plusSeconds(600), null, 1, "503"));

      assertThat(item.runAgainNow(NOW)).isTrue();

      assertThat(item.state().availableAt()).isEqualTo(NOW);
      assertThat(item.state().attempts()).as("the attempts so far stay counted").isEqualTo(3);
    }

    @Test
    void aStuckRunLosesItsLeaseNowAndTheNextClaimFencesTheHolderOff() {
      WorkItem item = in(RUNNING);

      assertThat(item.runAgainNow(NOW)).isTrue();
      assertThat(item.state().leaseUntil()).isEqualTo(NOW);
      WorkClaim again = item.claim(LEASE, NOW.plusSeconds(1));

      assertThat(again.reclaimed()).isTrue();
      assertThat(item.heldBy(1)).as("the first holder's token").isFalse();
    }

    @ParameterizedTest
    @EnumSource(
        value = WorkStatus.class,
        names = {"WAITING", "DONE", "FAILED"})
    void nothingRunsWhereNoAgentIsOwedWork(WorkStatus status) {
      WorkItem item = in(status);

      assertThat(item.runAgainNow(NOW)).isFalse();
      assertThat(item.state().status()).isEqualTo(status);
    }
  }

  @Nested
  class WhenTheTaskEndedBeforeItsRequestArrived {

    @Test
    void theLateRequestIsLearnedButDoesNotWakeIt() {
      WorkItem item = WorkItem.endedUnheard(TASK, DONE, 0, 0, NOW);

      assertThat(item.learn(REQUEST)).isTrue();
      assertThat(item.ready("default", 0, 0, false, NOW)).isFalse();

      assertThat(item.state().request()).isEqualTo(REQUEST);
      assertThat(item.status()).isEqualTo(DONE);
    }

    @Test
    void aKnownRequestIsNotOverwritten() {
      WorkItem item = WorkItem.requested(TASK, REQUEST, NOW);

      assertThat(item.learn(new WorkItem.Request("Other", "", "bo", Priority.LOW))).isFalse();
      assertThat(item.state().request()).isEqualTo(REQUEST);
    }

    @Test
    void onlyAnEndCanBeUnheard() {
      assertThatThrownBy(() -> WorkItem.endedUnheard(TASK, WAITING, 0, 0, NOW))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
