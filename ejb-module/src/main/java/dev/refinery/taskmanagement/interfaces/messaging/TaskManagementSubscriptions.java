package dev.refinery.taskmanagement.interfaces.messaging;

import static dev.refinery.shared.messaging.BoundedContext.TASK_MANAGEMENT;

import dev.refinery.shared.messaging.Envelope;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.AnswerClarification;
import dev.refinery.taskmanagement.api.ApprovePrd;
import dev.refinery.taskmanagement.api.CancelTask;
import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.FailTask;
import dev.refinery.taskmanagement.api.RejectPrd;
import dev.refinery.taskmanagement.api.RequestClarification;
import dev.refinery.taskmanagement.api.RetryTask;
import dev.refinery.taskmanagement.api.StartRequestValidation;
import dev.refinery.taskmanagement.api.SubmitPrd;
import dev.refinery.taskmanagement.api.TaskCommand;
import dev.refinery.taskmanagement.application.TaskCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Set;

/** The commands Task Management owns, each handed to {@link TaskCommands}. */
@ApplicationScoped
public class TaskManagementSubscriptions {

  @Inject MessageQueue queue;

  @Inject TaskCommands commands;

  @SuppressWarnings("unchecked")
  void subscribe(@Observes Startup startup) {
    queue.subscribeToCommands(TASK_MANAGEMENT, Set.of(CreateTask.class),
        envelope -> commands.create((Envelope<CreateTask>) (Envelope<?>) envelope));
    queue.subscribeToCommands(TASK_MANAGEMENT, Set.of(StartRequestValidation.class, RequestClarification.class,
            AnswerClarification.class, SubmitPrd.class, ApprovePrd.class, RejectPrd.class, FailTask.class,
            RetryTask.class, CancelTask.class),
        envelope -> commands.handle((Envelope<? extends TaskCommand>) (Envelope<?>) envelope));
  }
}
