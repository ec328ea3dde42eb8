package dev.refinery.orchestration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Given Orchestration's view of a workflow, when Task Management's news or the scanner arrives,
 * then the view.
 */
class WorkflowTest {

  private static final Instant CREATED = Instant.parse("2026-12-06T10:00:00Z");
  private static final Instant LATER = CREATED.plusSeconds(90);
  private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

  private static Workflow in(TaskStatus status, int round, int revision) {
    return Workflow.of(
        new Workflow.State(
            TASK,
            "Export",
            "ana",
            Priority.HIGH,
            status,
            round,
            revision,
            CREATED,
            CREATED,
            CREATED));
  }

  @Test
  void aNewTaskIsAskedToStartAtOnceAndHeldInValidation() {
    Workflow workflow =
        Workflow.created(TASK, "Export", "ana", Priority.HIGH, TaskStatus.NEW, true, CREATED);

    assertThat(workflow.state().status()).isEqualTo(TaskStatus.REQUEST_VALIDATION);
    assertThat(workflow.state().startRequestedAt()).isEqualTo(CREATED);
    assertThat(workflow.awaitsStart()).isFalse();
  }

  @Test
  void aNewTaskWhileTheScannerIsPausedAwaitsItsStart() {
    Workflow workflow =
        Workflow.created(TASK, "Export", "ana", Priority.HIGH, TaskStatus.NEW, false, CREATED);

    assertThat(workflow.awaitsStart()).isTrue();

    workflow.startRequested(LATER);

    assertThat(workflow.state().status()).isEqualTo(TaskStatus.REQUEST_VALIDATION);
    assertThat(workflow.state().startRequestedAt()).isEqualTo(LATER);
  }

  @Test
  void aStartIsAskedForOnce() {
    Workflow workflow =
        Workflow.created(TASK, "Export", "ana", Priority.HIGH, TaskStatus.NEW, true, CREATED);

    assertThatThrownBy(() -> workflow.startRequested(LATER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("asked for already");
  }

  @Test
  void newsOfTheSameOrALaterStepMovesTheView() {
    Workflow workflow = in(TaskStatus.REQUEST_VALIDATION, 0, 0);

    assertThat(workflow.advance(TaskStatus.CLARIFICATION_NEEDED, 1, 0, LATER)).isTrue();

    assertThat(workflow.state())
        .extracting(Workflow.State::status, Workflow.State::round, Workflow.State::updatedAt)
        .containsExactly(TaskStatus.CLARIFICATION_NEEDED, 1, LATER);
  }

  @Test
  void newsOfAnEarlierRoundOrRevisionIsOldNews() {
    Workflow workflow = in(TaskStatus.PRD_VALIDATION, 2, 1);

    assertThat(workflow.advance(TaskStatus.CLARIFICATION_NEEDED, 1, 1, LATER)).isFalse();
    assertThat(workflow.advance(TaskStatus.REQUEST_VALIDATION, 2, 0, LATER)).isFalse();
    assertThat(workflow.state().status()).isEqualTo(TaskStatus.PRD_VALIDATION);
    assertThat(workflow.state().updatedAt()).isEqualTo(CREATED);
  }

  @ParameterizedTest
  @EnumSource(
      value = TaskStatus.class,
      names = {"PRD_APPROVED", "CANCELLED"})
  void anEndedWorkflowStaysEnded(TaskStatus end) {
    Workflow workflow = in(end, 1, 1);

    assertThat(workflow.advance(TaskStatus.FAILED, 5, 5, LATER)).isFalse();
    assertThat(workflow.state().status()).isEqualTo(end);
  }

  @Test
  void aFailedWorkflowMovesOnWhenTheTaskIsRetried() {
    Workflow workflow = in(TaskStatus.FAILED, 1, 0);

    assertThat(workflow.advance(TaskStatus.REQUEST_VALIDATION, 1, 0, LATER)).isTrue();
    assertThat(workflow.state().status()).isEqualTo(TaskStatus.REQUEST_VALIDATION);
  }

  @Test
  void aClarificationEpisodeIsItsRoundAndWaitsOnTheRequester() {
    Workflow workflow = in(TaskStatus.CLARIFICATION_NEEDED, 2, 0);

    assertThat(ServiceLevelLadder.CLARIFICATION.episodeKey(workflow))
        .isEqualTo("CLARIFICATION_NEEDED#2");
    assertThat(ServiceLevelLadder.CLARIFICATION.waitingOn(workflow)).isEqualTo("ana");
  }

  @Test
  void aReviewEpisodeIsItsRevisionAndWaitsOnTheApprovers() {
    Workflow workflow = in(TaskStatus.PRD_VALIDATION, 2, 3);

    assertThat(ServiceLevelLadder.REVIEW.episodeKey(workflow)).isEqualTo("PRD_VALIDATION#3");
    assertThat(ServiceLevelLadder.REVIEW.waitingOn(workflow))
        .isEqualTo(ServiceLevelLadder.APPROVERS);
  }

  @Test
  void stepsAreNamedInConfigurationAsBefore() {
    assertThat(ServiceLevelStep.values())
        .extracting(ServiceLevelStep::key)
        .containsExactly("remind", "escalate", "expire");
    assertThat(ServiceLevelLadder.values())
        .extracting(ServiceLevelLadder::key)
        .containsExactly("clarification", "review");
  }
}
