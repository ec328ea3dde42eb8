package dev.refinery.console.tasks;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Messages;
import dev.refinery.productdefinition.application.AgentInterventions;
import dev.refinery.productdefinition.application.Prds;
import dev.refinery.productdefinition.application.TaskPollingService;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;
import java.util.UUID;

/**
 * The task page's "run the agent again" form, for OPERATORs: when an attempt waits for its retry
 * time or a run seems stuck. Read from the request (the page's {@code id}, or the form's {@code
 * task} when it posts), so that it holds on the post as on the page.
 */
@Named
@RequestScoped
public class RunAgainBacking {

  private static final Set<String> OWED = Set.of("READY", "RUNNING");

  @Inject AgentInterventions interventions;

  @Inject Prds prds;

  @Inject TaskPollingService poller;

  @Inject ConsoleUser user;

  private Boolean offered;

  public boolean isOffered() {
    if (offered == null) {
      offered =
          user.isOperator()
              && Tasks.parseId(named())
                  .flatMap(prds::work)
                  .filter(work -> OWED.contains(work.status()))
                  .isPresent();
    }
    return offered;
  }

  public String runAgain() {
    UUID id = Tasks.parseId(named()).orElse(null);
    if (id == null) {
      user.refuse("The form names no task");
      return null;
    }
    try {
      switch (interventions.runAgainNow(id, user.caller())) {
        case RUNS_NOW -> {
          poller.wake();
          Messages.info("The agent runs again on this task now.");
        }
        case NOTHING_TO_RUN ->
            Messages.error(
                "The agent owes this task nothing now (it waits for people, is done, or failed).");
        case UNKNOWN -> Messages.error("Product Definition has no work for this task.");
      }
    } catch (NotPermittedException e) {
      user.refuse(e.getMessage());
      return null;
    }
    return "/console/tasks/detail?faces-redirect=true&id=" + id;
  }

  private static String named() {
    var parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    return parameters.getOrDefault("task", parameters.get("id"));
  }
}
