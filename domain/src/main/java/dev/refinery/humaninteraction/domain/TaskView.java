package dev.refinery.humaninteraction.domain;

import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Human Interaction's view of a task, from Task Management's events: enough to refuse a decision
 * that does not fit the task's state and to fill in recommended answers. Known at once when
 * submitted here, before Task Management confirms it. It never goes back in round or revision, nor
 * out of an end (approved or cancelled).
 */
public final class TaskView {

  /** Everything a store keeps of a view; {@code questions} are the last round's. */
  public record State(
      UUID taskId,
      String title,
      String requester,
      TaskStatus status,
      int round,
      int revision,
      List<Question> questions) {
    public State {
      Objects.requireNonNull(taskId, "taskId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(requester, "requester");
      Objects.requireNonNull(status, "status");
      questions = questions == null ? List.of() : List.copyOf(questions);
    }
  }

  private State state;

  private TaskView(State state) {
    this.state = state;
  }

  public static TaskView of(State state) {
    return new TaskView(state);
  }

  /** A task just submitted (here, or as Task Management's TaskCreated says). */
  public static TaskView submitted(UUID task, String title, String requester) {
    return new TaskView(new State(task, title, requester, TaskStatus.NEW, 0, 0, List.of()));
  }

  public State state() {
    return state;
  }

  /**
   * What an event says the task became; {@code questions} when the event asks new ones (else the
   * last stay).
   *
   * @return whether the view moved (an event of an earlier step, or after the end, is old news)
   */
  public boolean advance(TaskStatus status, int round, int revision, List<Question> questions) {
    if (state.status() == TaskStatus.PRD_APPROVED
        || state.status() == TaskStatus.CANCELLED
        || state.round() > round
        || state.revision() > revision) {
      return false;
    }
    state =
        new State(
            state.taskId(),
            state.title(),
            state.requester(),
            status,
            round,
            revision,
            questions == null ? state.questions() : questions);
    return true;
  }
}
