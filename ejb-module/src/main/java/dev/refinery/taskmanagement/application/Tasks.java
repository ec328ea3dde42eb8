package dev.refinery.taskmanagement.application;

import dev.refinery.shared.api.Page;
import dev.refinery.taskmanagement.api.ClarificationRound;
import dev.refinery.taskmanagement.api.HistoryEntry;
import dev.refinery.taskmanagement.api.TaskFilter;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.domain.Task;
import dev.refinery.taskmanagement.domain.TaskId;
import dev.refinery.taskmanagement.domain.TaskJournal;
import dev.refinery.taskmanagement.domain.TaskRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading tasks: one, a filtered page, a task's history and clarification rounds. */
@Stateless
public class Tasks {

  public static final int MAX_PAGE_SIZE = 200;

  @Inject TaskRepository repository;

  @Inject TaskJournal journal;

  /** A task id from text (a URL, a form), or nothing when it is not a UUID. */
  public static Optional<UUID> parseId(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public Optional<TaskView> find(UUID id) {
    return repository.find(new TaskId(id)).map(Task::view);
  }

  /** The newest tasks matching the filter; the page size is capped at {@value #MAX_PAGE_SIZE}. */
  public Page<TaskView> search(TaskFilter filter, int page, int size) {
    int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
    int pageNumber = Math.max(page, 0);
    List<TaskView> items =
        repository.search(filter, pageNumber * pageSize, pageSize).stream()
            .map(Task::view)
            .toList();
    return new Page<>(items, pageNumber, pageSize, repository.count(filter));
  }

  public List<HistoryEntry> history(UUID id) {
    return journal.history(new TaskId(id));
  }

  public List<ClarificationRound> clarifications(UUID id) {
    return journal.clarifications(new TaskId(id));
  }
}
