package dev.refinery.console.tasks;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Messages;
import dev.refinery.humaninteraction.application.Decisions;
import dev.refinery.humaninteraction.application.TaskStateConflictException;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/**
 * The task page's cancel form: the task's requester or an OPERATOR cancels a task that has not
 * ended, saying why (the reason goes to the task's timeline and the audit log).
 */
@Named
@RequestScoped
public class CancelBacking {

  /** As long as a rejection's reason. */
  static final int REASON_MAX = 4000;

  @Inject Decisions decisions;

  @Inject ConsoleUser user;

  @Inject Tasks tasks;

  private String reason;
  private Boolean offered;

  /**
   * Whether the form is there: a task that has not ended, to its requester or an OPERATOR. Read
   * from the request (the page's {@code id}, or the form's {@code task} when it posts), so that it
   * holds on the post as on the page.
   */
  public boolean isOffered() {
    if (offered == null) {
      offered =
          Tasks.parseId(named())
              .flatMap(tasks::find)
              .filter(view -> !view.status().terminal())
              .filter(view -> user.isOperator() || view.requester().equals(user.getName()))
              .isPresent();
    }
    return offered;
  }

  private static String named() {
    var parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    return parameters.getOrDefault("task", parameters.get("id"));
  }

  /** Cancels the task the form names, with the reason typed. */
  public String cancel() {
    String task =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("task");
    UUID id = Tasks.parseId(task).orElse(null);
    if (id == null) {
      user.refuse("The cancel form names no task");
      return null;
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > REASON_MAX) {
      Messages.error("Cancelling needs a reason (at most " + REASON_MAX + " characters).");
    } else {
      try {
        decisions.cancel(id, user.caller(), user.getName(), why);
        Messages.info("Task " + id + " is being cancelled.");
      } catch (NotPermittedException e) {
        user.refuse(e.getMessage());
        return null;
      } catch (TaskStateConflictException e) {
        Messages.error(e.getMessage());
      }
    }
    return "/console/tasks/detail?faces-redirect=true&id=" + id;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
