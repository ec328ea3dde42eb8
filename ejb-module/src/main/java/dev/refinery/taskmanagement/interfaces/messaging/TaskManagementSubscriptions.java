package dev.refinery.taskmanagement.interfaces.messaging;

import static dev.refinery.shared.messaging.BoundedContext.TASK_MANAGEMENT;

import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.TaskCommand;
import dev.refinery.taskmanagement.api.TaskEvents;
import dev.refinery.taskmanagement.application.TaskCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The commands Task Management owns (creation, and every {@link TaskCommand}), each handed to
 * {@link TaskCommands}.
 */
@ApplicationScoped
public class TaskManagementSubscriptions {

  @Inject MessageQueue queue;

  @Inject TaskCommands commands;

  void subscribe(@Observes Startup startup) {
    queue.subscribeToCommands(
        TASK_MANAGEMENT,
        Set.of(CreateTask.class),
        envelope -> commands.create(envelope.as(CreateTask.class)));
    queue.subscribeToCommands(
        TASK_MANAGEMENT,
        TaskEvents.COMMANDS,
        envelope -> commands.handle(envelope.as(TaskCommand.class)));
  }
}
