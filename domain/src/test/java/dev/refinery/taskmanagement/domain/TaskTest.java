package dev.refinery.taskmanagement.domain;

import static dev.refinery.taskmanagement.api.TaskStatus.CANCELLED;
import static dev.refinery.taskmanagement.api.TaskStatus.CLARIFICATION_NEEDED;
import static dev.refinery.taskmanagement.api.TaskStatus.FAILED;
import static dev.refinery.taskmanagement.api.TaskStatus.NEW;
import static dev.refinery.taskmanagement.api.TaskStatus.PRD_APPROVED;
import static dev.refinery.taskmanagement.api.TaskStatus.PRD_VALIDATION;
import static dev.refinery.taskmanagement.api.TaskStatus.REQUEST_VALIDATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.ClarificationAnswered;
import dev.refinery.taskmanagement.api.ClarificationRequested;
import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.PrdApproved;
import dev.refinery.taskmanagement.api.PrdRejected;
import dev.refinery.taskmanagement.api.PrdSubmitted;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.RequestValidationStarted;
import dev.refinery.taskmanagement.api.TaskCancelled;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskFailed;
import dev.refinery.taskmanagement.api.TaskRetried;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Given a task in a state, when a command arrives, then these events, nothing, or a refusal. */
class TaskTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final int MAX_REVISIONS = 3;
  private static final List<Question> QUESTIONS =
      List.of(
          new Question(
              "who",
              "Who needs it?",
              List.of(new Question.Option("a", "Finance"), new Question.Option("b", "Sales")),
              "a",
              "It sets the audience"));
  private static final List<Answer> ANSWERS = List.of(new Answer("who", "a", null));

  /** Each command with the arguments that fit the task it is given. */
  private static final Map<String, Function<Task, List<TaskEvent>>> COMMANDS =
      new LinkedHashMap<>();

  static {
    COMMANDS.put("StartRequestValidation", task -> task.startRequestValidation(NOW));
    COMMANDS.put(
        "RequestClarification",
        task -> task.requestClarification(task.view().clarificationRound() + 1, QUESTIONS, NOW));
    COMMANDS.put(
        "AnswerClarification",
        task ->
            task.answerClarification(task.view().clarificationRound(), ANSWERS, false, "ana", NOW));
    COMMANDS.put("SubmitPrd", task -> task.submitPrd(task.view().prdRevision() + 1, NOW));
    COMMANDS.put("ApprovePrd", task -> task.approvePrd(task.view().prdRevision(), "bo", NOW));
    COMMANDS.put(
        "RejectPrd",
        task -> task.rejectPrd(task.view().prdRevision(), "bo", "too vague", MAX_REVISIONS, NOW));
    COMMANDS.put("FailTask", task -> task.fail("agent gave up", NOW));
    COMMANDS.put("RetryTask", task -> task.retry("op", NOW));
    COMMANDS.put("CancelTask", task -> task.cancel("ana", "not needed", NOW));
  }

  /** The legal transitions: from each state, the command and the event it causes. */
  private static final Map<TaskStatus, Map<String, Class<? extends TaskEvent>>> LEGAL =
      new EnumMap<>(TaskStatus.class);

  static {
    LEGAL.put(
        NEW,
        Map.of(
            "StartRequestValidation",
            RequestValidationStarted.class,
            "FailTask",
            TaskFailed.class,
            "CancelTask",
            TaskCancelled.class));
    LEGAL.put(
        REQUEST_VALIDATION,
        Map.of(
            "RequestClarification",
            ClarificationRequested.class,
            "SubmitPrd",
            PrdSubmitted.class,
            "FailTask",
            TaskFailed.class,
            "CancelTask",
            TaskCancelled.class));
    LEGAL.put(
        CLARIFICATION_NEEDED,
        Map.of(
            "AnswerClarification",
            ClarificationAnswered.class,
            "FailTask",
            TaskFailed.class,
            "CancelTask",
            TaskCancelled.class));
    LEGAL.put(
        PRD_VALIDATION,
        Map.of(
            "ApprovePrd",
            PrdApproved.class,
            "RejectPrd",
            PrdRejected.class,
            "FailTask",
            TaskFailed.class,
            "CancelTask",
            TaskCancelled.class));
    LEGAL.put(PRD_APPROVED, Map.of());
    LEGAL.put(FAILED, Map.of("RetryTask", TaskRetried.class, "CancelTask", TaskCancelled.class));
    LEGAL.put(CANCELLED, Map.of());
  }

  /** Repeating what already happened: no events, no error (a redelivered command). */
  private static final Map<TaskStatus, List<String>> REPEATS =
      Map.of(
          REQUEST_VALIDATION, List.of("StartRequestValidation"),
          FAILED, List.of("FailTask"),
          PRD_APPROVED, List.of("ApprovePrd"),
          CANCELLED, List.of("CancelTask"));

  @Test
  void everyCommandInEveryStateIsAllowedRepeatedOrRefused() {
    for (TaskStatus status : TaskStatus.values()) {
      for (Map.Entry<String, Function<Task, List<TaskEvent>>> command : COMMANDS.entrySet()) {
        Task task = taskIn(status);
        Class<? extends TaskEvent> expected = LEGAL.get(status).get(command.getKey());
        String given = "given " + status + " when " + command.getKey();
        if (expected != null) {
          List<TaskEvent> events = command.getValue().apply(task);
          assertThat(events).as(given).singleElement().isInstanceOf(expected);
          assertThat(task.status()).as(given).isEqualTo(events.getFirst().status());
        } else if (REPEATS.getOrDefault(status, List.of()).contains(command.getKey())) {
          assertThat(command.getValue().apply(task)).as(given).isEmpty();
          assertThat(task.status()).as(given).isEqualTo(status);
        } else {
          assertThatThrownBy(() -> command.getValue().apply(task))
              .as(given)
              .isInstanceOf(IllegalTransitionException.class)
              .hasMessageContaining("is " + status)
              .hasMessageContaining("cannot " + command.getKey());
          assertThat(task.status()).as(given + ": unchanged").isEqualTo(status);
        }
      }
    }
  }

  @Test
  void newTaskIsCreatedFromTheRequestWithTrimmedFields() {
    Task.Created created = Task.create(request("  Export to CSV ", " ana "), NOW);

    assertThat(created.event())
        .isEqualTo(
            new TaskCreated(
                created.event().taskId(),
                NEW,
                0,
                0,
                "Export to CSV",
                "Monthly report",
                "ana",
                Priority.HIGH));
    assertThat(created.task().view().createdAt()).isEqualTo(NOW);
  }

  @Test
  void startingValidationAssignsTheProductManagerPoolAndCarriesTheRequest() {
    Task task = taskIn(NEW);

    assertThat(task.startRequestValidation(NOW))
        .containsExactly(
            new RequestValidationStarted(
                task.id().toString(),
                REQUEST_VALIDATION,
                0,
                0,
                "product-manager",
                "Export to CSV",
                "Monthly report",
                "ana",
                Priority.HIGH));
    assertThat(task.view().assignedPool()).isEqualTo("product-manager");
  }

  @Test
  void clarificationRoundsCountUpAndAnswersGoBackToTheAgents() {
    Task task = taskIn(REQUEST_VALIDATION);

    task.requestClarification(1, QUESTIONS, NOW);
    List<TaskEvent> answered = task.answerClarification(1, ANSWERS, true, "ana", NOW);
    task.requestClarification(2, QUESTIONS, NOW);

    assertThat(answered)
        .containsExactly(
            new ClarificationAnswered(
                task.id().toString(),
                REQUEST_VALIDATION,
                1,
                0,
                ANSWERS,
                true,
                "ana",
                "product-manager"));
    assertThat(task.view().clarificationRound()).isEqualTo(2);
    assertThatThrownBy(() -> task.answerClarification(1, ANSWERS, false, "ana", NOW))
        .hasMessage(
            "task "
                + task.id()
                + " is CLARIFICATION_NEEDED at round 2; cannot AnswerClarification round 1");
  }

  @Test
  void rejectionWithAReasonAsksForTheNextRevision() {
    Task task = taskIn(PRD_VALIDATION);

    List<TaskEvent> events =
        task.rejectPrd(1, "bo", "  Missing the export format ", MAX_REVISIONS, NOW);

    assertThat(events)
        .containsExactly(
            new PrdRejected(
                task.id().toString(),
                REQUEST_VALIDATION,
                0,
                1,
                "bo",
                "Missing the export format",
                "product-manager"));
    assertThat(task.submitPrd(2, NOW))
        .singleElement()
        .isEqualTo(new PrdSubmitted(task.id().toString(), PRD_VALIDATION, 0, 2));
  }

  @Test
  void rejectionWithoutAReasonIsRefused() {
    Task task = taskIn(PRD_VALIDATION);
    assertThatThrownBy(() -> task.rejectPrd(1, "bo", "  ", MAX_REVISIONS, NOW))
        .hasMessage("a rejection needs a reason");
    assertThat(task.status()).isEqualTo(PRD_VALIDATION);
  }

  @Test
  void rejectingTheLastAllowedRevisionEscalatesToAnOperatorInsteadOfLooping() {
    Task task = taskIn(PRD_VALIDATION);
    for (int revision = 1; revision <= MAX_REVISIONS; revision++) {
      task.rejectPrd(revision, "bo", "not yet", MAX_REVISIONS, NOW);
      task.submitPrd(revision + 1, NOW);
    }

    List<TaskEvent> events =
        task.rejectPrd(MAX_REVISIONS + 1, "bo", "still not", MAX_REVISIONS, NOW);

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            TaskFailed.class,
            failed -> {
              assertThat(failed.escalated()).isTrue();
              assertThat(failed.reason())
                  .contains("revision 4 rejected (still not)", "escalated to an operator");
            });
    assertThat(task.status()).isEqualTo(FAILED);
  }

  @Test
  void staleRevisionIsRefusedNamingStateAndCommand() {
    Task task = taskIn(PRD_VALIDATION);
    task.rejectPrd(1, "bo", "redo", MAX_REVISIONS, NOW);
    task.submitPrd(2, NOW);

    assertThatThrownBy(() -> task.approvePrd(1, "bo", NOW))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage(
            "task " + task.id() + " is PRD_VALIDATION at revision 2; cannot ApprovePrd revision 1");
  }

  @Test
  void clarificationWithoutQuestionsIsRefused() {
    Task task = taskIn(REQUEST_VALIDATION);
    assertThatThrownBy(() -> task.requestClarification(1, List.of(), NOW))
        .hasMessage("a clarification round needs at least one question");
  }

  @Test
  void retryAfterFailurePutsTheTaskBackBeforeTheAgents() {
    Task task = taskIn(FAILED);

    assertThat(task.retry("op", NOW))
        .containsExactly(
            new TaskRetried(
                task.id().toString(),
                REQUEST_VALIDATION,
                0,
                0,
                "op",
                "product-manager",
                "Export to CSV",
                "Monthly report",
                "ana",
                Priority.HIGH));
    assertThat(task.view().failureReason()).isNull();
  }

  @Test
  void blankTitleIsRefused() {
    assertThatThrownBy(() -> Task.create(request("   ", "ana"), NOW))
        .hasMessage("title must not be blank");
  }

  @Test
  void overlongDescriptionIsRefused() {
    CreateTask request =
        new CreateTask(
            UUID.randomUUID().toString(),
            "t",
            "x".repeat(CreateTask.DESCRIPTION_MAX + 1),
            Priority.LOW,
            "ana");
    assertThatThrownBy(() -> Task.create(request, NOW))
        .hasMessage("description must be at most 20000 characters");
  }

  /** A task brought to the status through legal transitions only. */
  private static Task taskIn(TaskStatus status) {
    Task task = Task.create(request("Export to CSV", "ana"), NOW).task();
    switch (status) {
      case NEW -> {}
      case REQUEST_VALIDATION -> task.startRequestValidation(NOW);
      case CLARIFICATION_NEEDED -> {
        task.startRequestValidation(NOW);
        task.requestClarification(1, QUESTIONS, NOW);
      }
      case PRD_VALIDATION -> {
        task.startRequestValidation(NOW);
        task.submitPrd(1, NOW);
      }
      case PRD_APPROVED -> {
        task.startRequestValidation(NOW);
        task.submitPrd(1, NOW);
        task.approvePrd(1, "bo", NOW);
      }
      case FAILED -> {
        task.startRequestValidation(NOW);
        task.fail("agent gave up", NOW);
      }
      case CANCELLED -> task.cancel("ana", "not needed", NOW);
    }
    assertThat(task.status()).isEqualTo(status);
    return task;
  }

  private static CreateTask request(String title, String requester) {
    return new CreateTask(
        UUID.randomUUID().toString(), title, "Monthly report", Priority.HIGH, requester);
  }
}
