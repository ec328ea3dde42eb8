package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.Command;

/** A command about an existing task: its correlation id is the task id. */
public interface TaskCommand extends Command {

  String taskId();

  @Override
  default String correlationId() {
    return taskId();
  }
}
