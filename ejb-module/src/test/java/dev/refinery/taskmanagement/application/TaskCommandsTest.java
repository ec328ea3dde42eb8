package dev.refinery.taskmanagement.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.Envelope;
import dev.refinery.shared.messaging.Headers;
import dev.refinery.shared.messaging.Message;
import dev.refinery.shared.messaging.MessageKind;
import dev.refinery.shared.testing.RecordingMessageQueue;
import dev.refinery.taskmanagement.api.ApprovePrd;
import dev.refinery.taskmanagement.api.ClarificationRound;
import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.HistoryEntry;
import dev.refinery.taskmanagement.api.PrdApproved;
import dev.refinery.taskmanagement.api.PrdSubmitted;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.RequestValidationStarted;
import dev.refinery.taskmanagement.api.StartRequestValidation;
import dev.refinery.taskmanagement.api.SubmitPrd;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskFilter;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.domain.Task;
import dev.refinery.taskmanagement.domain.TaskId;
import dev.refinery.taskmanagement.domain.TaskJournal;
import dev.refinery.taskmanagement.domain.TaskRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Given Task Management's tasks, when a command arrives, then the task's transition is recorded in
 * the journal (caused by the command) and its events are published, or nothing happens twice.
 */
class TaskCommandsTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final String TASK = "00000000-0000-0000-0000-0000000000d1";

  private final Map<UUID, Task> tasks = new LinkedHashMap<>();
  private final List<String> journal = new ArrayList<>();
  private final RecordingMessageQueue queue = new RecordingMessageQueue();
  private final List<Message> published = queue.published();
  private final TaskCommands commands = new TaskCommands();

  TaskCommandsTest() {
    commands.tasks =
        new TaskRepository() {
          @Override
          public void add(Task task) {
            tasks.put(task.id().value(), task);
          }

          @Override
          public Optional<Task> find(TaskId id) {
            return Optional.ofNullable(tasks.get(id.value()));
          }

          @Override
          public List<Task> search(TaskFilter filter, int offset, int limit) {
            throw new UnsupportedOperationException("commands do not search");
          }

          @Override
          public long count(TaskFilter filter) {
            throw new UnsupportedOperationException("commands do not search");
          }
        };
    commands.journal =
        new TaskJournal() {
          @Override
          public void record(TaskEvent event, TaskStatus from, UUID causedBy, Instant at) {
            journal.add(from + " -> " + event.status() + " by " + causedBy);
          }

          @Override
          public List<HistoryEntry> history(TaskId task) {
            throw new UnsupportedOperationException("commands do not read history");
          }

          @Override
          public List<ClarificationRound> clarifications(TaskId task) {
            throw new UnsupportedOperationException("commands do not read history");
          }
        };
    commands.queue = queue;
    commands.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    commands.maxRevisions = 3;
  }

  private static <T extends Command> Envelope<T> envelope(T command, UUID id) {
    return new Envelope<>(
        new Headers(
            id,
            "taskmanagement." + command.getClass().getSimpleName(),
            MessageKind.COMMAND,
            TASK,
            null,
            BoundedContext.HUMAN_INTERACTION,
            NOW,
            1,
            null),
        command);
  }

  private void create() {
    commands.create(
        envelope(
            new CreateTask(TASK, "Export", "for finance", Priority.HIGH, "ana"),
            UUID.randomUUID()));
  }

  @Test
  void aCreatedTaskIsJournaledAndAnnounced() {
    UUID cause = UUID.randomUUID();

    commands.create(envelope(new CreateTask(TASK, "Export", "", Priority.HIGH, "ana"), cause));

    assertThat(published).singleElement().isInstanceOf(TaskCreated.class);
    assertThat(journal).containsExactly("null -> NEW by " + cause);
  }

  @Test
  void theSameTaskCreatedTwiceIsCreatedOnce() {
    create();
    create();

    assertThat(tasks).hasSize(1);
    assertThat(published).hasSize(1);
  }

  @Test
  void aCommandMovesTheTaskAndRecordsWhatCausedIt() {
    create();
    UUID cause = UUID.randomUUID();

    commands.handle(envelope(new StartRequestValidation(TASK), cause));

    assertThat(published).last().isInstanceOf(RequestValidationStarted.class);
    assertThat(journal).last().isEqualTo("NEW -> REQUEST_VALIDATION by " + cause);
  }

  @Test
  void aCommandThatNoLongerFitsChangesNothingAndPublishesNothing() {
    create();
    commands.handle(envelope(new StartRequestValidation(TASK), UUID.randomUUID()));
    commands.handle(envelope(new SubmitPrd(TASK, 1), UUID.randomUUID()));
    commands.handle(envelope(new ApprovePrd(TASK, 1, "bo"), UUID.randomUUID()));
    int before = published.size();

    commands.handle(envelope(new ApprovePrd(TASK, 1, "bo"), UUID.randomUUID()));

    assertThat(published).hasSize(before);
    assertThat(published)
        .extracting(message -> message.getClass().getSimpleName())
        .containsSubsequence(PrdSubmitted.class.getSimpleName(), PrdApproved.class.getSimpleName());
  }

  @Test
  void aCommandForATaskNotCreatedIsRefusedNamingIt() {
    assertThatThrownBy(
            () -> commands.handle(envelope(new StartRequestValidation(TASK), UUID.randomUUID())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no task " + TASK);
  }
}
