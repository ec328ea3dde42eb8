package dev.refinery.humaninteraction.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.api.SubmitRequest;
import dev.refinery.shared.application.AuditTrail;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.messaging.Message;
import dev.refinery.shared.testing.RecordingAuditTrail;
import dev.refinery.shared.testing.RecordingMessageQueue;
import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.AnswerClarification;
import dev.refinery.taskmanagement.api.ApprovePrd;
import dev.refinery.taskmanagement.api.CancelTask;
import dev.refinery.taskmanagement.api.ClarificationRequested;
import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.PrdSubmitted;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.RetryTask;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskFailed;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Given a task as Human Interaction knows it, when each kind of person decides about it, then the
 * command sent or the refusal: the requester who owns it, another requester, an approver, an
 * operator, an admin acting for someone. (Anonymous callers never get here: the container refuses
 * them at sign-in, which the container checks cover.)
 */
class DecisionsTest {

  private static final Caller OWNER = new Caller("ana", Set.of(Role.REQUESTER));
  private static final Caller OTHER_REQUESTER = new Caller("rex", Set.of(Role.REQUESTER));
  private static final Caller APPROVER = new Caller("bo", Set.of(Role.APPROVER));
  private static final Caller APPROVING_OWNER =
      new Caller("ana", Set.of(Role.REQUESTER, Role.APPROVER));
  private static final Caller OPERATOR = new Caller("op", Set.of(Role.OPERATOR));
  private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN));
  private static final List<Question> WHO =
      List.of(
          new Question(
              "who",
              "Who needs it?",
              List.of(new Question.Option("fin", "Finance")),
              "fin",
              "audience"));

  private final InMemoryHumanInteraction store = new InMemoryHumanInteraction();
  private final RecordingMessageQueue queue = new RecordingMessageQueue();
  private final List<Message> sent = queue.published();
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final List<String> audited = audit.entries();
  private final TaskViews views = store.taskViews(store.notifications());
  private final Decisions decisions = new Decisions();

  DecisionsTest() {
    Deciders deciders = new Deciders();
    deciders.audit = audit;
    deciders.refusals = audit.refusals();
    decisions.views = views;
    decisions.deciders = deciders;
    decisions.audit = audit;
    decisions.queue = queue;
    decisions.board = store.board;
    decisions.clock = Clock.fixed(InMemoryHumanInteraction.NOW, ZoneOffset.UTC);
  }

  /** A task requested by ana, moved to {@code status} by Task Management's events. */
  private UUID task(TaskStatus status) {
    UUID task = UUID.randomUUID();
    views.apply(
        new TaskCreated(task.toString(), TaskStatus.NEW, 0, 0, "Export", "", "ana", Priority.HIGH));
    switch (status) {
      case CLARIFICATION_NEEDED ->
          views.apply(new ClarificationRequested(task.toString(), status, 1, 0, WHO));
      case PRD_VALIDATION -> views.apply(new PrdSubmitted(task.toString(), status, 0, 1));
      case FAILED ->
          views.apply(new TaskFailed(task.toString(), status, 0, 0, "agent gave up", true));
      default -> {}
    }
    return task;
  }

  @Nested
  class Answers {

    @Test
    void theOwnerAnswersAndTheAnswersGoToTaskManagement() {
      UUID task = task(TaskStatus.CLARIFICATION_NEEDED);

      decisions.answer(task, List.of(new Answer("who", "fin", null)), false, OWNER, null);

      assertThat(sent)
          .containsExactly(
              new AnswerClarification(
                  task.toString(), 1, List.of(new Answer("who", "fin", null)), false, "ana"));
      assertThat(audited).containsExactly("ana CLARIFICATION_ANSWERED " + task + ": round 1");
    }

    @Test
    void anotherRequesterCannotAnswer() {
      UUID task = task(TaskStatus.CLARIFICATION_NEEDED);

      assertThatThrownBy(
              () ->
                  decisions.answer(
                      task, List.of(new Answer("who", "fin", null)), false, OTHER_REQUESTER, null))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("rex did not request task");
      assertThat(sent).isEmpty();
    }

    @Test
    void nobodyButAnAdminActsForSomeoneElse() {
      UUID task = task(TaskStatus.CLARIFICATION_NEEDED);

      assertThatThrownBy(
              () ->
                  decisions.answer(
                      task, List.of(new Answer("who", "fin", null)), false, OTHER_REQUESTER, "ana"))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("you cannot act as ana");
      decisions.answer(task, List.of(new Answer("who", "fin", null)), false, ADMIN, "ana");

      assertThat(sent).hasSize(1);
      assertThat(audited)
          .containsExactly("admin CLARIFICATION_ANSWERED " + task + ": round 1 (for ana)");
    }

    @Test
    void anOptionTheQuestionDoesNotOfferIsRefusedNamingIt() {
      UUID task = task(TaskStatus.CLARIFICATION_NEEDED);

      assertThatThrownBy(
              () ->
                  decisions.answer(
                      task, List.of(new Answer("who", "sales", null)), false, OWNER, null))
          .isInstanceOf(InvalidDecisionException.class)
          .hasMessageContaining("'sales' is not an option of question 'who'");
      assertThat(sent).isEmpty();
    }
  }

  @Nested
  class Approvals {

    @Test
    void anApproverApprovesTheRevisionUnderReview() {
      UUID task = task(TaskStatus.PRD_VALIDATION);

      decisions.approve(task, APPROVER, null);

      assertThat(sent).containsExactly(new ApprovePrd(task.toString(), 1, "bo"));
    }

    @Test
    void aRequesterWithoutTheRoleCannotApprove() {
      UUID task = task(TaskStatus.PRD_VALIDATION);

      assertThatThrownBy(() -> decisions.approve(task, OWNER, null))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("needs the role APPROVER");
      assertThat(sent).isEmpty();
    }

    @Test
    void anApproverCannotApproveTheirOwnRequestAndTheRefusalIsAudited() {
      UUID task = task(TaskStatus.PRD_VALIDATION);

      assertThatThrownBy(() -> decisions.approve(task, APPROVING_OWNER, null))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("may not approve its PRD");
      assertThat(sent).isEmpty();
      assertThat(audited).containsExactly("ana OWN_APPROVAL_REFUSED " + task + ": revision 1");
    }

    @Test
    void withOwnApprovalsAllowedAnApproverApprovesTheirOwnRequestAndTheAuditSaysItWasTheirs() {
      decisions.deciders.approveOwnRequests = true;
      UUID task = task(TaskStatus.PRD_VALIDATION);

      decisions.approve(task, APPROVING_OWNER, null);

      assertThat(sent).containsExactly(new ApprovePrd(task.toString(), 1, "ana"));
      assertThat(audited)
          .containsExactly(
              "ana OWN_APPROVAL_ALLOWED "
                  + task
                  + ": revision 1 (refinery.security.approve-own-requests is on)",
              "ana PRD_APPROVED " + task + ": revision 1");
      assertThat(audit.recent(null, task.toString(), 10))
          .extracting(AuditTrail.Entry::actor, AuditTrail.Entry::action, AuditTrail.Entry::subject)
          .contains(tuple("ana", "OWN_APPROVAL_ALLOWED", task.toString()));
    }

    @Test
    void anApprovalOutsideReviewIsAConflictNamingTheState() {
      UUID task = task(TaskStatus.CLARIFICATION_NEEDED);

      assertThatThrownBy(() -> decisions.approve(task, APPROVER, null))
          .isInstanceOf(TaskStateConflictException.class)
          .hasMessageContaining("CLARIFICATION_NEEDED");
    }

    @Test
    void aTaskNotKnownHereIsNotFound() {
      assertThatThrownBy(() -> decisions.approve(UUID.randomUUID(), APPROVER, null))
          .isInstanceOf(NoSuchTaskException.class);
    }
  }

  @Nested
  class CancellationsAndRetries {

    @Test
    void theOwnerAndAnOperatorMayCancelAnotherRequesterMayNot() {
      UUID mine = task(TaskStatus.CLARIFICATION_NEEDED);
      UUID operated = task(TaskStatus.CLARIFICATION_NEEDED);
      UUID others = task(TaskStatus.CLARIFICATION_NEEDED);

      decisions.cancel(mine, OWNER, null, "not needed");
      decisions.cancel(operated, OPERATOR, null, "duplicate");

      assertThatThrownBy(() -> decisions.cancel(others, OTHER_REQUESTER, null, "mine now"))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("only ana or an OPERATOR can cancel it");
      assertThat(sent)
          .containsExactly(
              new CancelTask(mine.toString(), "ana", "not needed"),
              new CancelTask(operated.toString(), "op", "duplicate"));
    }

    @Test
    void onlyAnOperatorRetriesAFailedTask() {
      UUID task = task(TaskStatus.FAILED);

      assertThatThrownBy(() -> decisions.retry(task, APPROVER, null))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("needs the role OPERATOR");
      decisions.retry(task, OPERATOR, null);

      assertThat(sent).containsExactly(new RetryTask(task.toString(), "op"));
    }
  }

  @Nested
  class Races {

    private static final Caller OTHER_APPROVER = new Caller("cy", Set.of(Role.APPROVER));

    @Test
    void theSecondApproverOfARevisionIsToldWhoDecidedFirstAndNothingIsSent() {
      UUID task = task(TaskStatus.PRD_VALIDATION);
      decisions.approve(task, APPROVER, null);

      assertThatThrownBy(() -> decisions.reject(task, OTHER_APPROVER, null, "Too vague"))
          .isInstanceOf(DecisionTakenException.class)
          .hasMessage(
              "bo approved the PRD of task "
                  + task
                  + " at 2026-12-06 10:00:00 UTC, before you: your rejection was not sent");
      assertThatThrownBy(() -> decisions.approve(task, OTHER_APPROVER, null))
          .isInstanceOf(DecisionTakenException.class);
      assertThat(sent).containsExactly(new ApprovePrd(task.toString(), 1, "bo"));
    }

    @Test
    void nothingFollowsACancellationNotEvenWhenTheTaskMovesOnBeforeItsEventArrives() {
      UUID task = task(TaskStatus.CLARIFICATION_NEEDED);
      decisions.cancel(task, OWNER, null, "not needed");
      views.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 1, 1));

      assertThatThrownBy(() -> decisions.approve(task, APPROVER, null))
          .isInstanceOf(DecisionTakenException.class)
          .hasMessageContaining("ana cancelled the task");
      assertThatThrownBy(() -> decisions.cancel(task, OPERATOR, null, "twice"))
          .isInstanceOf(DecisionTakenException.class);
      assertThat(sent).containsExactly(new CancelTask(task.toString(), "ana", "not needed"));
    }

    @Test
    void aTaskCanStillBeCancelledAfterAnAnswerAndTheNextStepIsOpenAgain() {
      UUID task = task(TaskStatus.CLARIFICATION_NEEDED);
      decisions.answer(task, List.of(new Answer("who", "fin", null)), false, OWNER, null);
      assertThatThrownBy(
              () ->
                  decisions.answer(
                      task, List.of(new Answer("who", "fin", null)), false, OWNER, null))
          .isInstanceOf(DecisionTakenException.class)
          .hasMessageStartingWith("you answered the questions of task " + task);

      views.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 1, 1));
      decisions.reject(task, APPROVER, null, "Too vague");
      decisions.cancel(task, OPERATOR, null, "duplicate");

      assertThat(sent).hasSize(3);
    }

    @Test
    void anApprovalStandsAfterItsEventArrivesAndALateDecisionNamesIt() {
      UUID task = task(TaskStatus.PRD_VALIDATION);
      decisions.approve(task, APPROVER, null);
      views.apply(
          new dev.refinery.taskmanagement.api.PrdApproved(
              task.toString(), TaskStatus.PRD_APPROVED, 0, 1, "bo"));

      assertThatThrownBy(() -> decisions.reject(task, OTHER_APPROVER, null, "Too vague"))
          .isInstanceOf(DecisionTakenException.class)
          .hasMessageContaining("bo approved the PRD");
      assertThatThrownBy(() -> decisions.approve(task, APPROVER, null))
          .isInstanceOf(DecisionTakenException.class)
          .hasMessageStartingWith("you approved the PRD of task " + task)
          .hasMessageEndingWith("already: this approval was not sent");
      assertThat(sent).hasSize(1);
    }
  }

  @Nested
  class Submissions {

    private final Requests requests = new Requests();

    Submissions() {
      requests.views = views;
      requests.deciders = decisions.deciders;
      requests.queue = decisions.queue;
    }

    @Test
    void aRequesterSubmitsForThemselvesAndTheTaskIsKnownHereAtOnce() {
      UUID task =
          requests.submit(new SubmitRequest("  Export  ", "for finance", "high", "ana"), OWNER);

      assertThat(sent)
          .containsExactly(
              new CreateTask(task.toString(), "Export", "for finance", Priority.HIGH, "ana"));
      assertThat(views.find(task)).map(TaskViews.View::requester).contains("ana");
    }

    @Test
    void nobodySubmitsInAnothersNameButAnAdmin() {
      assertThatThrownBy(
              () -> requests.submit(new SubmitRequest("Export", "", "LOW", "ana"), OTHER_REQUESTER))
          .isInstanceOf(NotPermittedException.class);
      UUID task = requests.submit(new SubmitRequest("Export", "", "LOW", "ana"), ADMIN);

      assertThat(views.find(task)).map(TaskViews.View::requester).contains("ana");
    }

    @Test
    void anApproverWithoutTheRequesterRoleCannotSubmit() {
      assertThatThrownBy(
              () -> requests.submit(new SubmitRequest("Export", "", "LOW", "bo"), APPROVER))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("needs the role REQUESTER");
      assertThat(sent).isEmpty();
    }
  }
}
