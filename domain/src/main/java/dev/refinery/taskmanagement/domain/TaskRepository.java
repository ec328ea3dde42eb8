package dev.refinery.taskmanagement.domain;

import dev.refinery.taskmanagement.api.TaskFilter;
import java.util.List;
import java.util.Optional;

/** Where tasks are kept. Implemented in the EJB module on JPA. */
public interface TaskRepository {

  void add(Task task);

  Optional<Task> find(TaskId id);

  /** A page of tasks matching the filter (null means any), the newest first. */
  List<Task> search(TaskFilter filter, int offset, int limit);

  long count(TaskFilter filter);
}
