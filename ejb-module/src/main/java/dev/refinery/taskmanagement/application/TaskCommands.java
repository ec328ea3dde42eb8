package dev.refinery.taskmanagement.application;

import dev.refinery.shared.messaging.Envelope;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.AnswerClarification;
import dev.refinery.taskmanagement.api.ApprovePrd;
import dev.refinery.taskmanagement.api.CancelTask;
import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.FailTask;
import dev.refinery.taskmanagement.api.RejectPrd;
import dev.refinery.taskmanagement.api.RequestClarification;
import dev.refinery.taskmanagement.api.RetryTask;
import dev.refinery.taskmanagement.api.StartRequestValidation;
import dev.refinery.taskmanagement.api.SubmitPrd;
import dev.refinery.taskmanagement.api.TaskCommand;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.domain.Task;
import dev.refinery.taskmanagement.domain.TaskId;
import dev.refinery.taskmanagement.domain.TaskJournal;
import dev.refinery.taskmanagement.domain.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Task Management's command handlers: each loads the task, lets the aggregate decide, records the
 * transition and publishes its events, in the transaction the message is handled in.
 */
@ApplicationScoped
public class TaskCommands {

  private static final System.Logger LOG = System.getLogger(TaskCommands.class.getName());

  @Inject TaskRepository tasks;

  @Inject TaskJournal journal;

  @Inject MessageQueue queue;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "refinery.workflow.max-revisions")
  int maxRevisions;

  public void create(Envelope<CreateTask> envelope) {
    CreateTask command = envelope.payload();
    TaskId id = new TaskId(java.util.UUID.fromString(command.taskId()));
    if (tasks.find(id).isPresent()) {
      LOG.log(Level.INFO, "Task {0} exists already; {1} changes nothing", id, envelope.headers());
      return;
    }
    Task.Created created = Task.create(command, now());
    tasks.add(created.task());
    record(envelope, null, List.of(created.event()));
  }

  public void handle(Envelope<? extends TaskCommand> envelope) {
    TaskCommand command = envelope.payload();
    Task task =
        tasks
            .find(new TaskId(java.util.UUID.fromString(command.taskId())))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no task " + command.taskId() + " for " + envelope.headers()));
    TaskStatus before = task.status();
    Instant now = now();
    List<TaskEvent> events =
        switch (command) {
          case StartRequestValidation c -> task.startRequestValidation(now);
          case RequestClarification c -> task.requestClarification(c.round(), c.questions(), now);
          case AnswerClarification c ->
              task.answerClarification(
                  c.round(), c.answers(), c.recommendationsAccepted(), c.by(), now);
          case SubmitPrd c -> task.submitPrd(c.revision(), now);
          case ApprovePrd c -> task.approvePrd(c.revision(), c.by(), now);
          case RejectPrd c -> task.rejectPrd(c.revision(), c.by(), c.reason(), maxRevisions, now);
          case FailTask c -> task.fail(c.reason(), now);
          case RetryTask c -> task.retry(c.by(), now);
          case CancelTask c -> task.cancel(c.by(), c.reason(), now);
        };
    if (events.isEmpty()) {
      LOG.log(
          Level.INFO,
          "Task {0} is {1} already; {2} changes nothing",
          task.id(),
          before,
          envelope.headers());
    }
    record(envelope, before, events);
  }

  private void record(Envelope<?> cause, TaskStatus before, List<TaskEvent> events) {
    for (TaskEvent event : events) {
      journal.record(event, before, cause.headers().messageId(), clock.instant());
      queue.publishEvent(event);
      LOG.log(
          Level.INFO,
          "Task {0}: {1} -> {2} ({3}, caused by {4})",
          event.taskId(),
          before,
          event.status(),
          event.getClass().getSimpleName(),
          cause.headers().messageId());
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}
