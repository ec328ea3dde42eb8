package dev.refinery.console.operations;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Messages;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.Alerts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backs {@code console/operations/alerts.xhtml}: open alerts, each acknowledged with a note by the
 * operator who takes it on (audited), then the recent history.
 */
@Named
@RequestScoped
public class AlertsBacking {

  @Inject Alerts alerts;

  @Inject ConsoleUser user;

  public List<Alert> getOpen() {
    return alerts.open();
  }

  public List<Alert> getRecent() {
    return alerts.recent(200);
  }

  /**
   * Acknowledges the alert the form names (its {@code condition} field) with the note typed (its
   * {@code note} field): plain fields, since each open alert has a form of its own.
   */
  public String acknowledge() {
    if (!user.allowed(Role.OPERATOR)) {
      return null;
    }
    var form = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    try {
      Alert acknowledged =
          alerts.acknowledge(form.get("condition"), user.caller(), form.get("note"));
      Messages.info("Acknowledged: " + acknowledged.summary());
    } catch (IllegalArgumentException | NotPermittedException e) {
      Messages.error(e.getMessage());
    }
    return "/console/operations/alerts?faces-redirect=true";
  }
}
