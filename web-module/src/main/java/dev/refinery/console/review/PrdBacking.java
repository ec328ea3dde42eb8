package dev.refinery.console.review;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Messages;
import dev.refinery.console.prds.LineDiff;
import dev.refinery.console.prds.PrdDocument;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.application.Decisions;
import dev.refinery.humaninteraction.application.InvalidDecisionException;
import dev.refinery.humaninteraction.application.TaskStateConflictException;
import dev.refinery.productdefinition.api.PrdVersion;
import dev.refinery.productdefinition.application.Prds;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code console/review/prd.xhtml}: the PRD waiting for review, what changed since the
 * rejected revision, and the approver's decision: approve, or reject with a reason (which is
 * required).
 */
@Named
@ViewScoped
public class PrdBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Tasks tasks;

  @Inject Prds prds;

  @Inject Decisions decisions;

  @Inject ConsoleUser user;

  private String id;
  private TaskView task;
  private List<PrdVersion> versions;
  private String reason;
  private transient List<PrdDocument.Line> document;

  public void load() throws IOException {
    if (task != null) {
      return;
    }
    task = Tasks.parseId(id).flatMap(tasks::find).orElse(null);
    if (task == null) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(404, "No task " + id);
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    versions = prds.versions(task.id());
  }

  public boolean isReviewable() {
    return task.status() == TaskStatus.PRD_VALIDATION && !versions.isEmpty();
  }

  public PrdVersion getLatest() {
    return versions.getLast();
  }

  public List<PrdDocument.Line> getDocument() {
    if (document == null) {
      document = PrdDocument.lines(getLatest().document());
    }
    return document;
  }

  /** The revision before this one, which an approver sent back, if any. */
  public PrdVersion getPrevious() {
    return versions.size() < 2 ? null : versions.get(versions.size() - 2);
  }

  public List<LineDiff.Entry<PrdDocument.Line>> getDiff() {
    return LineDiff.between(PrdDocument.lines(getPrevious().document()), getDocument());
  }

  public String approve() {
    if (!user.allowed(Role.APPROVER)) {
      return null;
    }
    return decided(
        () -> decisions.approve(task.id(), user.caller(), user.getName()),
        "Approved: the PRD is final.");
  }

  public String reject() {
    if (!user.allowed(Role.APPROVER)) {
      return null;
    }
    return decided(
        () -> decisions.reject(task.id(), user.caller(), user.getName(), reason),
        "Sent back with your reason: the agent writes a revision.");
  }

  private String decided(Runnable decision, String done) {
    try {
      decision.run();
    } catch (InvalidDecisionException | TaskStateConflictException | NotPermittedException e) {
      Messages.error(e.getMessage());
      return null;
    }
    Messages.info(done);
    return "/console/tasks/detail?faces-redirect=true&id=" + task.id();
  }

  public TaskView getTask() {
    return task;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
