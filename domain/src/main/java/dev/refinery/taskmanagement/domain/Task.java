package dev.refinery.taskmanagement.domain;

import static dev.refinery.taskmanagement.api.TaskStatus.CANCELLED;
import static dev.refinery.taskmanagement.api.TaskStatus.CLARIFICATION_NEEDED;
import static dev.refinery.taskmanagement.api.TaskStatus.FAILED;
import static dev.refinery.taskmanagement.api.TaskStatus.NEW;
import static dev.refinery.taskmanagement.api.TaskStatus.PRD_APPROVED;
import static dev.refinery.taskmanagement.api.TaskStatus.PRD_VALIDATION;
import static dev.refinery.taskmanagement.api.TaskStatus.REQUEST_VALIDATION;

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
import dev.refinery.taskmanagement.api.TaskView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A feature request on its way to an approved PRD. It alone decides which transition is legal: NEW
 * → REQUEST_VALIDATION (assigned to the product-manager pool) ⇄ CLARIFICATION_NEEDED,
 * REQUEST_VALIDATION → PRD_VALIDATION → PRD_APPROVED, or back to REQUEST_VALIDATION when rejected
 * with a reason; any active state → FAILED (retry puts it back) or CANCELLED. Each method returns
 * the events the transition causes; repeating a transition that already happened (a redelivered
 * command) causes none; anything else not allowed throws {@link IllegalTransitionException} naming
 * the state and the command.
 *
 * <p>Invariants: a title (at most {@value CreateTask#TITLE_MAX} characters) and a requester are
 * always present; rounds and revisions only grow, one at a time; the version guards concurrent
 * updates.
 */
@Entity
@Table(name = "task", schema = "taskmanagement")
public class Task {

  /** The agents' pool that validates requests and writes PRDs. */
  public static final String PRODUCT_MANAGER_POOL = "product-manager";

  @Id private UUID id;

  @Column(nullable = false, length = CreateTask.TITLE_MAX)
  private String title;

  @Column(nullable = false, length = CreateTask.DESCRIPTION_MAX)
  private String description;

  @Column(nullable = false, length = CreateTask.REQUESTER_MAX)
  private String requester;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Priority priority;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TaskStatus status;

  @Column(name = "assigned_pool")
  private String assignedPool;

  @Column(name = "clarification_round", nullable = false)
  private int clarificationRound;

  @Column(name = "prd_revision", nullable = false)
  private int prdRevision;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "failure_reason")
  private String failureReason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Task() {}

  private Task(CreateTask request, Instant now) {
    this.id = UUID.fromString(Objects.requireNonNull(request.taskId(), "taskId"));
    this.title = required(request.title(), "title", CreateTask.TITLE_MAX).strip();
    String text = request.description() == null ? "" : request.description();
    this.description = limited(text, "description", CreateTask.DESCRIPTION_MAX);
    this.requester = required(request.requester(), "requester", CreateTask.REQUESTER_MAX).strip();
    this.priority = Objects.requireNonNull(request.priority(), "priority");
    this.status = NEW;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A new task in state NEW, as a requester asked for it, and the event that says so. */
  public static Created create(CreateTask request, Instant now) {
    Task task = new Task(request, now);
    return new Created(
        task,
        new TaskCreated(
            task.id.toString(),
            NEW,
            0,
            0,
            task.title,
            task.description,
            task.requester,
            task.priority));
  }

  /** A task just created and its first event. */
  public record Created(Task task, TaskCreated event) {}

  public List<TaskEvent> startRequestValidation(Instant now) {
    if (status == REQUEST_VALIDATION && PRODUCT_MANAGER_POOL.equals(assignedPool)) {
      return List.of();
    }
    require("StartRequestValidation", status == NEW, "");
    assignedPool = PRODUCT_MANAGER_POOL;
    return moveTo(
        REQUEST_VALIDATION,
        now,
        new RequestValidationStarted(
            taskId(),
            REQUEST_VALIDATION,
            clarificationRound,
            prdRevision,
            PRODUCT_MANAGER_POOL,
            title,
            description,
            requester,
            priority));
  }

  public List<TaskEvent> requestClarification(int round, List<Question> questions, Instant now) {
    if (status == CLARIFICATION_NEEDED && round == clarificationRound) {
      return List.of();
    }
    require(
        "RequestClarification round " + round,
        status == REQUEST_VALIDATION && round == clarificationRound + 1,
        "at round " + clarificationRound);
    if (questions == null || questions.isEmpty()) {
      throw new IllegalArgumentException("a clarification round needs at least one question");
    }
    clarificationRound = round;
    return moveTo(
        CLARIFICATION_NEEDED,
        now,
        new ClarificationRequested(
            taskId(), CLARIFICATION_NEEDED, round, prdRevision, List.copyOf(questions)));
  }

  public List<TaskEvent> answerClarification(
      int round, List<Answer> answers, boolean recommendationsAccepted, String by, Instant now) {
    require(
        "AnswerClarification round " + round,
        status == CLARIFICATION_NEEDED && round == clarificationRound,
        "at round " + clarificationRound);
    return moveTo(
        REQUEST_VALIDATION,
        now,
        new ClarificationAnswered(
            taskId(),
            REQUEST_VALIDATION,
            round,
            prdRevision,
            List.copyOf(answers),
            recommendationsAccepted,
            by,
            assignedPool));
  }

  public List<TaskEvent> submitPrd(int revision, Instant now) {
    if (status == PRD_VALIDATION && revision == prdRevision) {
      return List.of();
    }
    require(
        "SubmitPrd revision " + revision,
        status == REQUEST_VALIDATION && revision == prdRevision + 1,
        "at revision " + prdRevision);
    prdRevision = revision;
    return moveTo(
        PRD_VALIDATION,
        now,
        new PrdSubmitted(taskId(), PRD_VALIDATION, clarificationRound, revision));
  }

  public List<TaskEvent> approvePrd(int revision, String by, Instant now) {
    if (status == PRD_APPROVED && revision == prdRevision) {
      return List.of();
    }
    require(
        "ApprovePrd revision " + revision,
        status == PRD_VALIDATION && revision == prdRevision,
        "at revision " + prdRevision);
    return moveTo(
        PRD_APPROVED,
        now,
        new PrdApproved(taskId(), PRD_APPROVED, clarificationRound, revision, by));
  }

  /**
   * Sends the PRD back for another revision; after {@code maxRevisions} revisions the task is
   * escalated to an operator (FAILED) instead of looping.
   */
  public List<TaskEvent> rejectPrd(
      int revision, String by, String reason, int maxRevisions, Instant now) {
    require(
        "RejectPrd revision " + revision,
        status == PRD_VALIDATION && revision == prdRevision,
        "at revision " + prdRevision);
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
    if (revision > maxRevisions) {
      failureReason =
          "revision "
              + revision
              + " rejected ("
              + reason.strip()
              + "); after "
              + maxRevisions
              + " revisions the task is escalated to an operator";
      return moveTo(
          FAILED,
          now,
          new TaskFailed(taskId(), FAILED, clarificationRound, revision, failureReason, true));
    }
    return moveTo(
        REQUEST_VALIDATION,
        now,
        new PrdRejected(
            taskId(),
            REQUEST_VALIDATION,
            clarificationRound,
            revision,
            by,
            reason.strip(),
            assignedPool));
  }

  public List<TaskEvent> fail(String reason, Instant now) {
    if (status == FAILED) {
      return List.of();
    }
    require("FailTask", status.active(), "");
    failureReason = reason;
    attempts++;
    return moveTo(
        FAILED,
        now,
        new TaskFailed(taskId(), FAILED, clarificationRound, prdRevision, reason, false));
  }

  public List<TaskEvent> retry(String by, Instant now) {
    require("RetryTask", status == FAILED, "");
    failureReason = null;
    assignedPool = PRODUCT_MANAGER_POOL;
    return moveTo(
        REQUEST_VALIDATION,
        now,
        new TaskRetried(
            taskId(),
            REQUEST_VALIDATION,
            clarificationRound,
            prdRevision,
            by,
            assignedPool,
            title,
            description,
            requester,
            priority));
  }

  public List<TaskEvent> cancel(String by, String reason, Instant now) {
    if (status == CANCELLED) {
      return List.of();
    }
    require("CancelTask", !status.terminal(), "");
    return moveTo(
        CANCELLED,
        now,
        new TaskCancelled(taskId(), CANCELLED, clarificationRound, prdRevision, by, reason));
  }

  public TaskId id() {
    return new TaskId(id);
  }

  public TaskStatus status() {
    return status;
  }

  public TaskView view() {
    return new TaskView(
        id,
        title,
        description,
        requester,
        priority,
        status,
        assignedPool,
        clarificationRound,
        prdRevision,
        attempts,
        failureReason,
        createdAt,
        updatedAt,
        version);
  }

  private String taskId() {
    return id.toString();
  }

  private List<TaskEvent> moveTo(TaskStatus next, Instant now, TaskEvent event) {
    status = next;
    updatedAt = now;
    return List.of(event);
  }

  private void require(String command, boolean allowed, String detail) {
    if (!allowed) {
      throw new IllegalTransitionException(id(), status, command, detail);
    }
  }

  private static String required(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return limited(value, field, max);
  }

  private static String limited(String value, String field, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException(field + " must be at most " + max + " characters");
    }
    return value;
  }
}
