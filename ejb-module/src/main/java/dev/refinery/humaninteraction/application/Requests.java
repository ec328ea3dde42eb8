package dev.refinery.humaninteraction.application;

import static dev.refinery.shared.messaging.BoundedContext.HUMAN_INTERACTION;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
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

  @Inject Deciders deciders;

  /**
   * Accepts a validated request from a REQUESTER, for themselves (an ADMIN may name another
   * requester); the task appears once Task Management has created it.
   */
  @Counted(
      name = "refinery.tasks.submitted",
      absolute = true,
      description = "Requests accepted for a task")
  public UUID submit(SubmitRequest request, Caller caller) {
    deciders.requireRole(caller, Role.REQUESTER, "submit a request");
    String requester = deciders.actingAs(caller, request.requester()).strip();
    UUID task = UUID.randomUUID();
    String title = request.title().strip();
    views.submitted(task, title, requester);
    queue.publishCommand(
        HUMAN_INTERACTION,
        new CreateTask(
            task.toString(), title, request.description(), request.priorityLevel(), requester));
    LOG.log(
        Level.INFO,
        "Task {0} submitted by {1} with priority {2}",
        task,
        LogText.escaped(requester),
        request.priorityLevel());
    return task;
  }
}
