package dev.refinery.console.operations;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Messages;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.application.Decisions;
import dev.refinery.humaninteraction.application.TaskStateConflictException;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.taskmanagement.api.TaskFilter;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;

/**
 * Backs {@code console/operations/failed.xhtml}: failed tasks with their reason; retry or cancel
 * each.
 */
@Named
@RequestScoped
public class FailedBacking {

  @Inject Tasks tasks;

  @Inject Decisions decisions;

  @Inject ConsoleUser user;

  public List<TaskView> getFailed() {
    return tasks
        .search(new TaskFilter(TaskStatus.FAILED, null, null, null), 0, Tasks.MAX_PAGE_SIZE)
        .items();
  }

  public String retry(UUID task) {
    if (!user.allowed(Role.OPERATOR)) {
      return null;
    }
    try {
      decisions.retry(task, user.caller(), user.getName());
      Messages.info("Task " + task + " is back before the agents.");
    } catch (TaskStateConflictException | NotPermittedException e) {
      Messages.error(e.getMessage());
    }
    return "/console/operations/failed?faces-redirect=true";
  }

  public String cancel(UUID task) {
    if (!user.allowed(Role.OPERATOR)) {
      return null;
    }
    try {
      decisions.cancel(
          task, user.caller(), user.getName(), "cancelled by an operator after it failed");
      Messages.info("Task " + task + " is cancelled.");
    } catch (TaskStateConflictException | NotPermittedException e) {
      Messages.error(e.getMessage());
    }
    return "/console/operations/failed?faces-redirect=true";
  }
}
