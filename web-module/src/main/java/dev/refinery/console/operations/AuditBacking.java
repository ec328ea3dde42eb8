package dev.refinery.console.operations;

import dev.refinery.shared.application.AuditTrail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backs {@code console/operations/audit.xhtml}: what people did, the newest first; by person or
 * task.
 */
@Named
@RequestScoped
public class AuditBacking {

  @Inject AuditTrail audit;

  private String actor;
  private String task;

  public List<AuditTrail.Entry> getEntries() {
    return audit.recent(blankToNull(actor), blankToNull(task), 500);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getTask() {
    return task;
  }

  public void setTask(String task) {
    this.task = task;
  }
}
