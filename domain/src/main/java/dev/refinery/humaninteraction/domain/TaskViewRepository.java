package dev.refinery.humaninteraction.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Where Human Interaction keeps its views of tasks, in the caller's transaction. Implemented in the
 * EJB module.
 */
public interface TaskViewRepository {

  /** Adds a view; false when the task has one already. */
  boolean add(TaskView view);

  Optional<TaskView> find(UUID task);

  /** The task's view, locked until the caller's transaction ends. */
  Optional<TaskView> lock(UUID task);

  void save(TaskView view);
}
