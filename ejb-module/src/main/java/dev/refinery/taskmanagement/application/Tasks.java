package dev.refinery.taskmanagement.application;

import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.domain.Task;
import dev.refinery.taskmanagement.domain.TaskId;
import dev.refinery.taskmanagement.domain.TaskRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.metrics.annotation.Counted;

/** The task boundary: submitting requests and reading tasks back. */
@Stateless
public class Tasks {

  private static final System.Logger LOG = System.getLogger(Tasks.class.getName());
  private static final int MAX_PAGE = 500;

  @Inject TaskRepository repository;

  /** Creates a task in state NEW from a validated request. */
  @Counted(name = "refinery.tasks.submitted", absolute = true, description = "Requests accepted as tasks")
  public TaskView submit(CreateTask request) {
    // PostgreSQL keeps microseconds: the view returned now matches what is read back later.
    Task task = Task.submit(TaskId.random(), request, Instant.now().truncatedTo(ChronoUnit.MICROS));
    repository.add(task);
    LOG.log(Level.INFO, "Task {0} submitted by {1} with priority {2}",
        task.id(), request.requester(), request.priorityLevel());
    return task.view();
  }

  public Optional<TaskView> find(UUID id) {
    return repository.find(new TaskId(id)).map(Task::view);
  }

  /** The newest tasks first, at most {@code limit} (capped at 500). */
  public List<TaskView> newest(int limit) {
    return repository.newest(Math.clamp(limit, 1, MAX_PAGE)).stream().map(Task::view).toList();
  }
}
