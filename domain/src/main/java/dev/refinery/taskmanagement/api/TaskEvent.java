package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.DomainEvent;

/**
 * Something that happened to a task. Every one carries where the task stands afterwards, so a
 * context can keep its own view of tasks from these events alone. Sealed: {@link TaskEvents#ALL} is
 * its permitted types, so a context that subscribes to "every task event" gets a new one without a
 * list to update.
 */
public sealed interface TaskEvent extends DomainEvent
    permits TaskCreated,
        RequestValidationStarted,
        ClarificationRequested,
        ClarificationAnswered,
        PrdSubmitted,
        PrdApproved,
        PrdRejected,
        TaskFailed,
        TaskRetried,
        TaskCancelled {

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
