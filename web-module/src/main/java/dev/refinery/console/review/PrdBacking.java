package dev.refinery.console.review;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Lookup;
import dev.refinery.console.Messages;
import dev.refinery.console.prds.LineDiff;
import dev.refinery.console.prds.PrdDocument;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.application.DecisionTakenException;
import dev.refinery.humaninteraction.application.Decisions;
import dev.refinery.humaninteraction.application.InvalidDecisionException;
import dev.refinery.humaninteraction.application.Reviews;
import dev.refinery.humaninteraction.application.TaskStateConflictException;
import dev.refinery.productdefinition.api.PrdVersion;
import dev.refinery.productdefinition.application.Prds;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code console/review/prd.xhtml}: the PRD waiting for review, what changed since the
 * rejected revision, who holds the review (claim, release, assign), and the approver's decision:
 * approve, or reject with a reason (which is required). Deciding while someone else holds the
 * review asks first; a decision someone else took first is refused, naming them.
 */
@Named
@ViewScoped
public class PrdBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Lookup<Tasks> tasks = Lookup.of(Tasks.class);

  private final Lookup<Prds> prds = Lookup.of(Prds.class);

  private final Lookup<Decisions> decisions = Lookup.of(Decisions.class);

  private final Lookup<Reviews> reviews = Lookup.of(Reviews.class);

  private final Lookup<ConsoleUser> user = Lookup.of(ConsoleUser.class);

  private String id;
  private Reviews.Holder hold;
  private String assignee;

  /** The decision waiting for "decide anyway" while someone else holds the review. */
  private String pending;

  private boolean superseded;

  /**
   * The task and every revision of its PRD: read when the view opens, and again when it moves to
   * another instance, rather than carried in the session, which the data grid stores whole after
   * every request (the revisions alone are several KB each).
   */
  private transient TaskView task;

  private transient List<PrdVersion> versions;
  private String reason;
  private transient List<PrdDocument.Line> document;

  public void load() throws IOException {
    if (task != null) {
      return;
    }
    if (task() == null) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(404, "No task " + id);
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    hold = reviews.get().holder(task.id()).orElse(null);
  }

  private TaskView task() {
    if (task == null) {
      task = Tasks.parseId(id).flatMap(tasks.get()::find).orElse(null);
    }
    return task;
  }

  private List<PrdVersion> versions() {
    if (versions == null) {
      versions = prds.get().versions(task().id());
    }
    return versions;
  }

  /** Who holds the review of this revision: null when nobody. */
  public Reviews.Holder getHold() {
    return hold;
  }

  public boolean isHeldByMe() {
    return hold != null && hold.name().equals(user.get().getName());
  }

  public List<String> getApprovers() {
    return reviews.get().approvers();
  }

  public String claim() {
    if (!user.get().allowed(Role.APPROVER)) {
      return null;
    }
    return held(
        () -> reviews.get().claim(task().id(), user.get().caller()), "You hold this review now.");
  }

  public String release() {
    if (!user.get().allowed(Role.APPROVER, Role.OPERATOR)) {
      return null;
    }
    return held(
        () -> reviews.get().release(task().id(), user.get().caller()),
        "Released: anyone may claim this review.");
  }

  public String assign() {
    if (!user.get().allowed(Role.APPROVER, Role.OPERATOR)) {
      return null;
    }
    return held(
        () -> reviews.get().assign(task().id(), assignee, user.get().caller()),
        "Assigned to " + assignee + ", who is told in their inbox.");
  }

  private String held(Runnable action, String done) {
    try {
      action.run();
    } catch (TaskStateConflictException | NotPermittedException | InvalidDecisionException e) {
      Messages.error(e.getMessage());
      hold = reviews.get().holder(task().id()).orElse(null);
      return null;
    }
    Messages.info(done);
    return "/console/review/prd?faces-redirect=true&id=" + task().id();
  }

  /** The decision that waits for confirmation ("approve" or "reject"), or null. */
  public String getPending() {
    return pending;
  }

  /**
   * Whether deciding now needs a confirmation first: someone else holds the review (read again,
   * they may have claimed it since the page was opened).
   */
  private boolean needsConfirmation(String decision) {
    hold = reviews.get().holder(task().id()).orElse(null);
    if (hold == null || isHeldByMe()) {
      return false;
    }
    pending = decision;
    return true;
  }

  public boolean isReviewable() {
    return !superseded && task().status() == TaskStatus.PRD_VALIDATION && !versions().isEmpty();
  }

  /** Whether someone else's decision came first while this page was open. */
  public boolean isSuperseded() {
    return superseded;
  }

  public PrdVersion getLatest() {
    return versions().getLast();
  }

  public List<PrdDocument.Line> getDocument() {
    if (document == null) {
      document = PrdDocument.lines(getLatest().document());
    }
    return document;
  }

  /** The revision before this one, which an approver sent back, if any. */
  public PrdVersion getPrevious() {
    return versions().size() < 2 ? null : versions().get(versions().size() - 2);
  }

  public List<LineDiff.Entry<PrdDocument.Line>> getDiff() {
    return LineDiff.between(PrdDocument.lines(getPrevious().document()), getDocument());
  }

  public String approve() {
    if (!user.get().allowed(Role.APPROVER)) {
      return null;
    }
    if (needsConfirmation("approve")) {
      return null;
    }
    return approveAnyway();
  }

  /** Approves although someone else holds the review: the person confirmed it. */
  public String approveAnyway() {
    if (!user.get().allowed(Role.APPROVER)) {
      return null;
    }
    pending = null;
    return decided(
        () -> decisions.get().approve(task().id(), user.get().caller(), user.get().getName()),
        "Approved: the PRD is final.");
  }

  public String reject() {
    if (!user.get().allowed(Role.APPROVER)) {
      return null;
    }
    if (needsConfirmation("reject")) {
      return null;
    }
    return rejectAnyway();
  }

  /** Rejects with the reason given, although someone else holds the review: confirmed. */
  public String rejectAnyway() {
    if (!user.get().allowed(Role.APPROVER)) {
      return null;
    }
    pending = null;
    return decided(
        () ->
            decisions.get().reject(task().id(), user.get().caller(), user.get().getName(), reason),
        "Sent back with your reason: the agent writes a revision.");
  }

  private String decided(Runnable decision, String done) {
    try {
      decision.run();
    } catch (DecisionTakenException e) {
      // someone decided first: the page stops offering a decision and says who
      Messages.error(e.getMessage());
      superseded = true;
      task = tasks.get().find(task().id()).orElse(task);
      hold = null;
      return null;
    } catch (InvalidDecisionException | TaskStateConflictException | NotPermittedException e) {
      Messages.error(e.getMessage());
      return null;
    }
    Messages.info(done);
    return "/console/tasks/detail?faces-redirect=true&id=" + task().id();
  }

  public TaskView getTask() {
    return task();
  }

  /** Drops the decision waiting for confirmation. */
  public void keepIt() {
    pending = null;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
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
