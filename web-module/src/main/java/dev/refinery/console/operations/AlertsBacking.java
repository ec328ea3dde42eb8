package dev.refinery.console.operations;

import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.Alerts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs {@code console/operations/alerts.xhtml}: open alerts, then the recent history. */
@Named
@RequestScoped
public class AlertsBacking {

  @Inject Alerts alerts;

  public List<Alert> getOpen() {
    return alerts.open();
  }

  public List<Alert> getRecent() {
    return alerts.recent(200);
  }
}
