package dev.refinery.console.operations;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Messages;
import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.BackgroundWork;
import dev.refinery.shared.application.NotPermittedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Backs {@code console/operations/work.xhtml}: this instance's background work with its last tick,
 * cycles and state; pause, resume or run one now (OPERATORs, audited).
 */
@Named
@RequestScoped
public class WorkBacking {

  @Inject BackgroundWork work;

  @Inject ConsoleUser user;

  public List<BackgroundWork.State> getWorks() {
    return work.all();
  }

  public String pause(String key) {
    return act(key, work::pause, "paused");
  }

  public String resume(String key) {
    return act(key, work::resume, "resumed");
  }

  public String runNow(String key) {
    return act(key, work::runNow, "woken to run now");
  }

  private String act(String key, BiConsumer<String, Caller> action, String done) {
    if (!user.allowed(Role.OPERATOR)) {
      return null;
    }
    try {
      action.accept(key, user.caller());
      Messages.info("The " + key + " is " + done + " on this instance.");
    } catch (IllegalArgumentException | NotPermittedException e) {
      Messages.error(e.getMessage());
    }
    return "/console/operations/work?faces-redirect=true";
  }
}
