package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.domain.Notices;
import dev.refinery.humaninteraction.domain.ReviewBoard;
import dev.refinery.humaninteraction.domain.TaskView;
import dev.refinery.humaninteraction.domain.TaskViewRepository;
import dev.refinery.shared.infrastructure.messaging.deadletter.EarlyEventException;
import dev.refinery.taskmanagement.api.ClarificationRequested;
import dev.refinery.taskmanagement.api.PrdSubmitted;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Task Management's events applied to Human Interaction's view of tasks (see {@link TaskView}). An
 * event that makes the task wait for people tells them in the same transaction:
 * ClarificationRequested the requester, PrdSubmitted the approvers (a late event that no longer
 * moves the view tells nobody). An event that moves the view applies the decision people took on
 * the step it left ({@link ReviewBoard#stepMoved}). An event that overtook its task's TaskCreated
 * is retried.
 */
@ApplicationScoped
public class TaskViews {

  /** What this context knows of a task. */
  public record View(
      UUID taskId,
      String title,
      String requester,
      TaskStatus status,
      int round,
      int revision,
      List<Question> questions) {
    static View of(TaskView view) {
      TaskView.State state = view.state();
      return new View(
          state.taskId(),
          state.title(),
          state.requester(),
          state.status(),
          state.round(),
          state.revision(),
          state.questions());
    }
  }

  @Inject TaskViewRepository views;

  @Inject Notifications notifications;

  @Inject ReviewBoard board;

  /** Known at once when submitted here, before Task Management confirms it. */
  public void submitted(UUID task, String title, String requester) {
    views.add(TaskView.submitted(task, title, requester));
  }

  public void apply(TaskEvent event) {
    UUID task = UUID.fromString(event.taskId());
    if (event instanceof TaskCreated created) {
      submitted(task, created.title(), created.requester());
      return;
    }
    TaskView view =
        views
            .lock(task)
            .orElseThrow(
                () -> new EarlyEventException(event.getClass().getSimpleName(), event.taskId()));
    List<Question> questions =
        event instanceof ClarificationRequested asked ? asked.questions() : null;
    if (!view.advance(event.status(), event.round(), event.revision(), questions)) {
      return;
    }
    views.save(view);
    board.stepMoved(task);
    TaskView.State state = view.state();
    switch (event) {
      case ClarificationRequested asked ->
          notifications.add(
              Notices.clarification(task, asked.round(), state.requester(), state.title()));
      case PrdSubmitted submitted ->
          notifications.add(
              Notices.review(task, submitted.revision(), state.requester(), state.title()));
      default -> {}
    }
  }

  public Optional<View> find(UUID task) {
    return views.find(task).map(View::of);
  }

  /** The task's view, locked until the caller's transaction ends: one decision at a time. */
  public Optional<View> lock(UUID task) {
    return views.lock(task).map(View::of);
  }
}
