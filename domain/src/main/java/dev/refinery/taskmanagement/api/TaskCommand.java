package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.Command;

/**
 * A command about an existing task: its correlation id is the task id. Sealed: Task Management
 * handles every one of them ({@code TaskCommands}), and a new one that it does not handle does not
 * compile.
 */
public sealed interface TaskCommand extends Command
    permits StartRequestValidation,
        RequestClarification,
        AnswerClarification,
        SubmitPrd,
        ApprovePrd,
        RejectPrd,
        FailTask,
        RetryTask,
        CancelTask {

  String taskId();

  @Override
  default String correlationId() {
    return taskId();
  }
}
