package dev.refinery.productdefinition.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.productdefinition.domain.WorkItem;
import dev.refinery.productdefinition.domain.WorkStatus;
import dev.refinery.shared.infrastructure.messaging.MalformedMessageException;
import dev.refinery.shared.infrastructure.messaging.deadletter.EarlyEventException;
import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.ClarificationAnswered;
import dev.refinery.taskmanagement.api.ClarificationRequested;
import dev.refinery.taskmanagement.api.PrdApproved;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.RequestValidationStarted;
import dev.refinery.taskmanagement.api.TaskCancelled;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Given what Product Definition knows of a task, when one of Task Management's events arrives, then
 * its work item.
 */
class WorkItemsTest {

  private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final String POOL = TaskPollingService.POOL;
  private static final Question WHO =
      new Question(
          "who",
          "Who needs it?",
          List.of(new Question.Option("fin", "Finance"), new Question.Option("ops", "Operations")),
          "fin",
          "audience");

  private final ProductDefinitionHarness harness = new ProductDefinitionHarness();

  private static RequestValidationStarted started() {
    return new RequestValidationStarted(
        TASK.toString(),
        TaskStatus.REQUEST_VALIDATION,
        0,
        0,
        POOL,
        "Export to CSV",
        "for finance",
        "ana",
        Priority.HIGH);
  }

  @Test
  void validationStartedPutsTheRequestBeforeTheAgentsAndWakesThePoller() {
    harness.workItems.apply(started());

    WorkItem.State item = harness.store.item(TASK);
    assertThat(item.status()).isEqualTo(WorkStatus.READY);
    assertThat(item.pool()).isEqualTo(POOL);
    assertThat(item.request().title()).isEqualTo("Export to CSV");
    assertThat(harness.afterCommit).hasSize(1);
    harness.afterCommit.getFirst().run();
    assertThat(harness.wakes).isEqualTo(1);
  }

  @Test
  void withAnAgentFreeTheWorkIsClaimedInTheSameTransaction() {
    harness.freeSlots = 1;

    harness.workItems.apply(started());

    WorkItem.State item = harness.store.item(TASK);
    assertThat(item.status()).isEqualTo(WorkStatus.RUNNING);
    assertThat(item.leaseToken()).isEqualTo(1);
    assertThat(harness.freeSlots).isZero();
    assertThat(harness.wakes).isZero();
  }

  @Test
  void theSameEventTwiceChangesNothingTheSecondTime() {
    harness.freeSlots = 1;
    harness.workItems.apply(started());
    WorkItem.State once = harness.store.item(TASK);

    harness.workItems.apply(started());

    assertThat(harness.store.item(TASK)).isEqualTo(once);
  }

  @Test
  void anEventThatOvertookTheRequestIsRetriedLater() {
    assertThatThrownBy(
            () ->
                harness.workItems.apply(
                    new ClarificationRequested(
                        TASK.toString(), TaskStatus.CLARIFICATION_NEEDED, 1, 0, List.of(WHO))))
        .isInstanceOf(EarlyEventException.class);
    assertThat(harness.store.items).isEmpty();
  }

  @Test
  void aTaskCancelledBeforeItsValidationStartedIsNeverWokenByItsLateRequest() {
    harness.workItems.apply(
        new TaskCancelled(TASK.toString(), TaskStatus.CANCELLED, 0, 0, "ana", "not needed"));

    harness.workItems.apply(started());

    WorkItem.State item = harness.store.item(TASK);
    assertThat(item.status()).isEqualTo(WorkStatus.DONE);
    assertThat(item.request().title()).isEqualTo("Export to CSV");
    assertThat(harness.wakes).isZero();
  }

  @Test
  void aRequestWithoutATitleIsMalformedAndKeepsNothing() {
    RequestValidationStarted old =
        new RequestValidationStarted(
            TASK.toString(), TaskStatus.REQUEST_VALIDATION, 0, 0, POOL, null, null, null, null);

    assertThatThrownBy(() -> harness.workItems.apply(old))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("carries no request");
    assertThat(harness.store.items).isEmpty();
  }

  @Test
  void questionsWaitForAPersonAndAnswersAreKeptAsTheirLabelsBeforeTheAgentGoesOn() {
    harness.workItems.apply(started());
    harness.workItems.apply(
        new ClarificationRequested(
            TASK.toString(), TaskStatus.CLARIFICATION_NEEDED, 1, 0, List.of(WHO)));
    assertThat(harness.store.item(TASK).status()).isEqualTo(WorkStatus.WAITING);

    harness.workItems.apply(
        new ClarificationAnswered(
            TASK.toString(),
            TaskStatus.REQUEST_VALIDATION,
            1,
            0,
            List.of(new Answer("who", "ops", "and audit")),
            false,
            "ana",
            POOL));

    assertThat(harness.store.item(TASK).status()).isEqualTo(WorkStatus.READY);
    assertThat(harness.store.clarifications.of(TASK))
        .singleElement()
        .satisfies(asked -> assertThat(asked.answer()).isEqualTo("Operations: and audit"));
  }

  @Test
  void anApprovedPrdEndsTheWorkAndNoLaterEventReopensIt() {
    harness.workItems.apply(started());

    harness.workItems.apply(new PrdApproved(TASK.toString(), TaskStatus.PRD_APPROVED, 0, 1, "bo"));
    harness.workItems.apply(
        new ClarificationAnswered(
            TASK.toString(), TaskStatus.REQUEST_VALIDATION, 1, 1, List.of(), false, "ana", POOL));

    assertThat(harness.store.item(TASK).status()).isEqualTo(WorkStatus.DONE);
  }
}
