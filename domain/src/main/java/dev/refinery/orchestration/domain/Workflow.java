package dev.refinery.orchestration.domain;

import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Orchestration's own view of a workflow, kept from Task Management's events (never from its
 * tables). Events can arrive out of order: the view never goes back in round or revision, nor out
 * of a terminal state. A new task's request validation is asked for once; from then on the view
 * holds the task in REQUEST_VALIDATION until Task Management says what became of it.
 */
public final class Workflow {

  /** Everything a store keeps of a workflow. */
  public record State(
      UUID taskId,
      String title,
      String requester,
      Priority priority,
      TaskStatus status,
      int round,
      int revision,
      Instant createdAt,
      Instant updatedAt,
      Instant startRequestedAt) {
    public State {
      Objects.requireNonNull(taskId, "taskId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(requester, "requester");
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(updatedAt, "updatedAt");
    }
  }

  private State state;

  private Workflow(State state) {
    this.state = state;
  }

  public static Workflow of(State state) {
    return new Workflow(state);
  }

  /**
   * A task Task Management created. Its start is asked for at once unless {@code startNow} is false
   * (the scanner is paused): then it stays NEW until the scanner asks.
   */
  public static Workflow created(
      UUID task,
      String title,
      String requester,
      Priority priority,
      TaskStatus status,
      boolean startNow,
      Instant now) {
    Workflow workflow =
        new Workflow(new State(task, title, requester, priority, status, 0, 0, now, now, null));
    if (startNow) {
      workflow.startRequested(now);
    }
    return workflow;
  }

  public State state() {
    return state;
  }

  public UUID taskId() {
    return state.taskId();
  }

  /** Whether its start is still to be asked for. */
  public boolean awaitsStart() {
    return state.status() == TaskStatus.NEW && state.startRequestedAt() == null;
  }

  /**
   * Its request validation was asked for: it is REQUEST_VALIDATION here until Task Management says
   * otherwise.
   */
  public void startRequested(Instant now) {
    if (!awaitsStart()) {
      throw new IllegalStateException(
          "the start of task "
              + state.taskId()
              + " ("
              + state.status()
              + ") was asked for already");
    }
    state =
        new State(
            state.taskId(),
            state.title(),
            state.requester(),
            state.priority(),
            TaskStatus.REQUEST_VALIDATION,
            state.round(),
            state.revision(),
            state.createdAt(),
            now,
            now);
  }

  /**
   * What an event says the task became. An event of an earlier round or revision, or one that finds
   * the workflow ended (approved or cancelled), changes nothing.
   *
   * @return whether the view changed
   */
  public boolean advance(TaskStatus status, int round, int revision, Instant now) {
    if (ended() || state.round() > round || state.revision() > revision) {
      return false;
    }
    state =
        new State(
            state.taskId(),
            state.title(),
            state.requester(),
            state.priority(),
            status,
            round,
            revision,
            state.createdAt(),
            now,
            state.startRequestedAt());
    return true;
  }

  /** Approved or cancelled: no event moves it again. A FAILED task may still be retried. */
  public boolean ended() {
    return state.status() == TaskStatus.PRD_APPROVED || state.status() == TaskStatus.CANCELLED;
  }
}
