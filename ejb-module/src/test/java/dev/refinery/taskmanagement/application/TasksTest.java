package dev.refinery.taskmanagement.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.shared.api.Page;
import dev.refinery.taskmanagement.api.ClarificationRound;
import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.HistoryEntry;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskFilter;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.domain.Task;
import dev.refinery.taskmanagement.domain.TaskId;
import dev.refinery.taskmanagement.domain.TaskJournal;
import dev.refinery.taskmanagement.domain.TaskRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading tasks: one task, a page of them, their history; paging within the API's limits. */
class TasksTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private final List<Task> stored = new ArrayList<>();
  private final List<String> asked = new ArrayList<>();
  private final Tasks tasks = new Tasks();

  TasksTest() {
    tasks.repository =
        new TaskRepository() {
          @Override
          public void add(Task task) {
            stored.add(task);
          }

          @Override
          public Optional<Task> find(TaskId id) {
            return stored.stream().filter(task -> task.id().equals(id)).findFirst();
          }

          @Override
          public List<Task> search(TaskFilter filter, int offset, int limit) {
            asked.add("offset " + offset + " limit " + limit);
            return stored.stream()
                .filter(
                    task ->
                        filter.requester() == null
                            || task.view().requester().equals(filter.requester()))
                .skip(offset)
                .limit(limit)
                .toList();
          }

          @Override
          public long count(TaskFilter filter) {
            return stored.stream()
                .filter(
                    task ->
                        filter.requester() == null
                            || task.view().requester().equals(filter.requester()))
                .count();
          }
        };
    tasks.journal =
        new TaskJournal() {
          @Override
          public void record(TaskEvent event, TaskStatus from, UUID causedBy, Instant at) {
            throw new UnsupportedOperationException("reading records nothing");
          }

          @Override
          public List<HistoryEntry> history(TaskId task) {
            return List.of();
          }

          @Override
          public List<ClarificationRound> clarifications(TaskId task) {
            return List.of();
          }
        };
  }

  private UUID given(String title, String requester) {
    UUID id = UUID.randomUUID();
    stored.add(
        Task.create(new CreateTask(id.toString(), title, "", Priority.MEDIUM, requester), NOW)
            .task());
    return id;
  }

  @Test
  void aKnownTaskIsFoundAsItsViewAndAnUnknownOneIsNot() {
    UUID export = given("Export to CSV", "ana");

    assertThat(tasks.find(export)).map(TaskView::title).contains("Export to CSV");
    assertThat(tasks.find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void aPageAsksTheRepositoryForItsSliceAndCountsTheWholeFilter() {
    for (int i = 0; i < 5; i++) {
      given("Task " + i, i % 2 == 0 ? "ana" : "ben");
    }

    Page<TaskView> second = tasks.search(new TaskFilter(null, null, "ana", null), 1, 2);

    assertThat(asked).containsExactly("offset 2 limit 2");
    assertThat(second.items()).extracting(TaskView::title).containsExactly("Task 4");
    assertThat(second.page()).isEqualTo(1);
    assertThat(second.size()).isEqualTo(2);
    assertThat(second.total()).isEqualTo(3);
  }

  @Test
  void aPageSizeBeyondTheLimitsIsBroughtWithinThemAndANegativePageIsTheFirst() {
    given("Only", "ana");

    Page<TaskView> huge = tasks.search(TaskFilter.ANY, -3, 10_000);
    Page<TaskView> none = tasks.search(TaskFilter.ANY, 0, 0);

    assertThat(asked).containsExactly("offset 0 limit " + Tasks.MAX_PAGE_SIZE, "offset 0 limit 1");
    assertThat(huge.page()).isZero();
    assertThat(huge.size()).isEqualTo(Tasks.MAX_PAGE_SIZE);
    assertThat(none.size()).isEqualTo(1);
  }

  @Test
  void aTaskIdIsReadFromTextAndAnythingElseIsNoId() {
    UUID id = UUID.randomUUID();

    assertThat(Tasks.parseId(" " + id + " ")).contains(id);
    assertThat(Tasks.parseId("not-a-task")).isEmpty();
    assertThat(Tasks.parseId(null)).isEmpty();
  }
}
