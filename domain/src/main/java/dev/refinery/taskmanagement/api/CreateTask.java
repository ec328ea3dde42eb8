package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.WireName;

/** Make a task of a person's request; the sender chose its id. */
@WireName("taskmanagement.CreateTask")
public record CreateTask(
    String taskId, String title, String description, Priority priority, String requester)
    implements Command {

  public static final int TITLE_MAX = 200;
  public static final int DESCRIPTION_MAX = 20_000;
  public static final int REQUESTER_MAX = 100;

  @Override
  public String correlationId() {
    return taskId;
  }
}
