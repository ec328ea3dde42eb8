package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.DomainEvent;

/**
 * Something that happened to a task. Every one carries where the task stands afterwards, so a context
 * can keep its own view of tasks from these events alone.
 */
public interface TaskEvent extends DomainEvent {

  String taskId();

  /** The task's status after the event. */
  TaskStatus status();

  /** The clarification round the task is in (0 before the first question). */
  int round();

  /** The newest PRD revision (0 before the first PRD). */
  int revision();

  @Override
  default String correlationId() {
    return taskId();
  }
}
