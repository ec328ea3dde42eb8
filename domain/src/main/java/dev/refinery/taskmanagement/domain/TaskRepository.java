package dev.refinery.taskmanagement.domain;

import java.util.List;
import java.util.Optional;

/** Where tasks are kept. Implemented in the EJB module on JPA. */
public interface TaskRepository {

  void add(Task task);

  Optional<Task> find(TaskId id);

  /** The most recently created tasks first. */
  List<Task> newest(int limit);
}
