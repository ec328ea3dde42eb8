package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.api.SubmitRequest;
import dev.refinery.shared.logging.LogText;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.CreateTask;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.UUID;
import org.eclipse.microprofile.metrics.annotation.Counted;

/** Feature requests people submit: each becomes a CreateTask command for Task Management. */
@Stateless
public class Requests {

  private static final System.Logger LOG = System.getLogger(Requests.class.getName());

  @Inject MessageQueue queue;

  @Inject TaskViews views;

  /** Accepts a validated request; the task appears once Task Management has created it. */
  @Counted(name = "refinery.tasks.submitted", absolute = true, description = "Requests accepted for a task")
  public UUID submit(SubmitRequest request) {
    UUID task = UUID.randomUUID();
    String title = request.title().strip();
    String requester = request.requester().strip();
    views.submitted(task, title, requester);
    queue.publishCommand(new CreateTask(task.toString(), title, request.description(), request.priorityLevel(), requester));
    LOG.log(Level.INFO, "Task {0} submitted by {1} with priority {2}", task, LogText.escaped(requester), request.priorityLevel());
    return task;
  }
}
