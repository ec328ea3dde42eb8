package dev.refinery.humaninteraction.application;

import static dev.refinery.shared.messaging.BoundedContext.HUMAN_INTERACTION;
import static dev.refinery.taskmanagement.api.TaskStatus.CLARIFICATION_NEEDED;
import static dev.refinery.taskmanagement.api.TaskStatus.FAILED;
import static dev.refinery.taskmanagement.api.TaskStatus.PRD_VALIDATION;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.domain.ReviewBoard;
import dev.refinery.humaninteraction.domain.StepDecision;
import dev.refinery.shared.application.AuditTrail;
import dev.refinery.shared.logging.LogText;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.AnswerClarification;
import dev.refinery.taskmanagement.api.ApprovePrd;
import dev.refinery.taskmanagement.api.CancelTask;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.RejectPrd;
import dev.refinery.taskmanagement.api.RetryTask;
import dev.refinery.taskmanagement.api.TaskStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What people decide about a task, sent to Task Management as commands: answers to a clarification
 * round, approval, rejection with a reason, cancellation, retry. Who may decide is checked here for
 * every edge ({@link Deciders}: the caller from the container, the requester from this context's
 * view); a decision that does not fit the task's state as this context knows it is refused at once,
 * naming the state, and so is a second decision on the same step, naming the first (the loser of a
 * race is told, instead of their command failing unseen in Task Management).
 */
@Stateless
public class Decisions {

  private static final System.Logger LOG = System.getLogger(Decisions.class.getName());

  @Inject TaskViews views;

  @Inject Deciders deciders;

  @Inject MessageQueue queue;

  @Inject AuditTrail audit;

  @Inject ReviewBoard board;

  @Inject Clock clock;

  /**
   * Answers the open round. With {@code recommended}, questions left unanswered take the agent's
   * recommended option.
   */
  public void answer(
      UUID task, List<Answer> answers, boolean recommended, Caller caller, String named) {
    String by = deciders.actingAs(caller, named);
    TaskViews.View view = known(task);
    deciders.requireRequester(view, by, "answer its questions");
    refuseIfDecided(view, StepDecision.Kind.ANSWERED, by, "answer");
    inState(view, CLARIFICATION_NEEDED, "answer a clarification");
    Map<String, Question> questions =
        view.questions().stream().collect(Collectors.toMap(Question::id, Function.identity()));
    List<Answer> given = new ArrayList<>();
    for (Answer answer : answers) {
      if (given.stream().anyMatch(earlier -> earlier.questionId().equals(answer.questionId()))) {
        throw new InvalidDecisionException(
            "answers", "question '" + answer.questionId() + "' is answered twice");
      }
      if (answer.text() != null && answer.text().length() > Answer.MAX_TEXT) {
        throw new InvalidDecisionException(
            "answers",
            "the answer to question '"
                + answer.questionId()
                + "' has "
                + answer.text().length()
                + " characters; at most "
                + Answer.MAX_TEXT);
      }
      Question question = questions.get(answer.questionId());
      if (question == null) {
        throw new InvalidDecisionException(
            "answers", "no question '" + answer.questionId() + "' in round " + view.round());
      }
      boolean option =
          answer.optionId() != null
              && question.options().stream().anyMatch(o -> o.id().equals(answer.optionId()));
      if (answer.optionId() != null && !option) {
        throw new InvalidDecisionException(
            "answers",
            "'" + answer.optionId() + "' is not an option of question '" + question.id() + "'");
      }
      if (answer.optionId() == null && (answer.text() == null || answer.text().isBlank())) {
        throw new InvalidDecisionException(
            "answers", "question '" + question.id() + "' needs an option or a text");
      }
      given.add(answer);
    }
    for (Question question : view.questions()) {
      boolean answered =
          given.stream().anyMatch(answer -> answer.questionId().equals(question.id()));
      if (!answered && recommended && question.recommended() != null) {
        given.add(new Answer(question.id(), question.recommended(), null));
      } else if (!answered) {
        throw new InvalidDecisionException(
            "answers",
            "question '"
                + question.id()
                + "' is unanswered"
                + " (answer it, or proceed with the recommendations)");
      }
    }
    decided(view, StepDecision.Kind.ANSWERED, by);
    queue.publishCommand(
        HUMAN_INTERACTION,
        new AnswerClarification(task.toString(), view.round(), given, recommended, by));
    audited(
        caller,
        by,
        "CLARIFICATION_ANSWERED",
        task,
        "round " + view.round() + (recommended ? ", recommendations accepted" : ""));
    LOG.log(
        Level.INFO, "{0} answered round {1} of task {2}", LogText.escaped(by), view.round(), task);
  }

  /**
   * Whether the caller may answer a task's questions (its requester; unknown here yet means no):
   * for pages.
   */
  public boolean mayAnswer(UUID task, Caller caller) {
    return views.find(task).filter(view -> view.requester().equals(caller.name())).isPresent();
  }

  public void approve(UUID task, Caller caller, String named) {
    deciders.requireRole(caller, Role.APPROVER, "approve a PRD");
    String by = deciders.actingAs(caller, named);
    TaskViews.View view = known(task);
    deciders.requireNotOwnRequest(view, by);
    refuseIfDecided(view, StepDecision.Kind.APPROVED, by, "approval");
    inState(view, PRD_VALIDATION, "approve the PRD");
    decided(view, StepDecision.Kind.APPROVED, by);
    queue.publishCommand(HUMAN_INTERACTION, new ApprovePrd(task.toString(), view.revision(), by));
    audited(caller, by, "PRD_APPROVED", task, "revision " + view.revision() + heldBy(view, by));
    LOG.log(
        Level.INFO,
        "{0} approved revision {1} of task {2}",
        LogText.escaped(by),
        view.revision(),
        task);
  }

  public void reject(UUID task, Caller caller, String named, String reason) {
    deciders.requireRole(caller, Role.APPROVER, "reject a PRD");
    String by = deciders.actingAs(caller, named);
    if (reason == null || reason.isBlank()) {
      throw new InvalidDecisionException("reason", "a rejection needs a reason");
    }
    TaskViews.View view = known(task);
    refuseIfDecided(view, StepDecision.Kind.REJECTED, by, "rejection");
    inState(view, PRD_VALIDATION, "reject the PRD");
    decided(view, StepDecision.Kind.REJECTED, by);
    queue.publishCommand(
        HUMAN_INTERACTION, new RejectPrd(task.toString(), view.revision(), by, reason.strip()));
    audited(
        caller,
        by,
        "PRD_REJECTED",
        task,
        "revision " + view.revision() + heldBy(view, by) + ": " + reason.strip());
    LOG.log(
        Level.INFO,
        "{0} rejected revision {1} of task {2}: {3}",
        LogText.escaped(by),
        view.revision(),
        task,
        LogText.escaped(reason));
  }

  public void cancel(UUID task, Caller caller, String named, String reason) {
    String by = deciders.actingAs(caller, named);
    TaskViews.View view = known(task);
    deciders.requireRequesterOrOperator(view, by, caller, "cancel it");
    refuseIfDecided(view, StepDecision.Kind.CANCELLED, by, "cancellation");
    if (view.status().terminal()) {
      throw new TaskStateConflictException(task, view.status(), "cancel it");
    }
    decided(view, StepDecision.Kind.CANCELLED, by);
    queue.publishCommand(HUMAN_INTERACTION, new CancelTask(task.toString(), by, reason));
    audited(caller, by, "TASK_CANCELLED", task, reason);
    LOG.log(
        Level.INFO,
        "{0} cancelled task {1}: {2}",
        LogText.escaped(by),
        task,
        LogText.escaped(reason));
  }

  public void retry(UUID task, Caller caller, String named) {
    deciders.requireRole(caller, Role.OPERATOR, "retry a failed task");
    String by = deciders.actingAs(caller, named);
    TaskViews.View view = known(task);
    refuseIfDecided(view, StepDecision.Kind.RETRIED, by, "retry");
    decided(inState(view, FAILED, "retry it"), StepDecision.Kind.RETRIED, by);
    queue.publishCommand(HUMAN_INTERACTION, new RetryTask(task.toString(), by));
    audited(caller, by, "TASK_RETRIED", task, null);
    LOG.log(Level.INFO, "{0} retried task {1}", LogText.escaped(by), task);
  }

  /** Recorded as done by the caller; when an admin acts for someone, the detail names them. */
  private void audited(Caller caller, String by, String action, UUID task, String detail) {
    String actor = caller.name();
    String onBehalf = actor.equals(by) ? "" : " (for " + by + ")";
    audit.record(
        actor,
        action,
        task.toString(),
        task.toString(),
        detail == null ? onBehalf.strip() : detail + onBehalf);
  }

  /** The task's view, locked: decisions on one task are taken one at a time, on every instance. */
  private TaskViews.View known(UUID task) {
    return views.lock(task).orElseThrow(() -> new NoSuchTaskException(task));
  }

  /**
   * Refuses a decision when someone took one first on the task's step (or ended the task before its
   * event arrived): the caller lost a race and is told who won; nothing is sent.
   */
  private void refuseIfDecided(
      TaskViews.View view, StepDecision.Kind kind, String by, String yours) {
    Optional<StepDecision> earlier = board.decision(view.taskId());
    if (earlier.isPresent() && earlier.get().precludes(kind)) {
      LOG.log(
          Level.INFO,
          "{0}''s {1} of task {2} lost to {3}''s ({4})",
          LogText.escaped(by),
          yours,
          view.taskId(),
          LogText.escaped(earlier.get().by()),
          earlier.get().kind());
      throw new DecisionTakenException(view.taskId(), view.status(), earlier.get(), by, yours);
    }
  }

  /** Records the decision on the task's step, in the transaction that sends it. */
  private void decided(TaskViews.View view, StepDecision.Kind kind, String by) {
    board.decided(new StepDecision(view.taskId(), kind, by, clock.instant()));
  }

  /** ", while cy held the review" when someone else held it, for the audit log. */
  private String heldBy(TaskViews.View view, String by) {
    return board
        .hold(view.taskId())
        .filter(hold -> hold.holds(view.revision()) && !hold.holder().equals(by))
        .map(hold -> ", while " + hold.holder() + " held the review")
        .orElse("");
  }

  private static TaskViews.View inState(TaskViews.View view, TaskStatus expected, String action) {
    if (view.status() != expected) {
      throw new TaskStateConflictException(view.taskId(), view.status(), action);
    }
    return view;
  }
}
