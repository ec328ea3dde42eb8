package dev.refinery.console.review;

import dev.refinery.console.ConsoleUser;
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
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * Backs {@code console/review/prd.xhtml}: the PRD waiting for review, what changed since the
 * rejected revision, who holds the review (claim, release, assign), and the approver's decision:
 * approve, or reject with a reason (which is required). Deciding while someone else holds the
 * review asks first; a decision someone else took first is refused, naming them.
 *
 * <p>Request-scoped, not view-scoped: the page's forms post what it needs (the task's id, the
 * decision waiting for confirmation), so a review opened on one instance is decided on any other.
 * Weld names a view-scoped bean after its deployment, and the server's EAR and a worker's WAR are
 * two: a view one of them made reached the other without its bean, and leaving it ended on an error
 * page.
 */
@Named
@RequestScoped
public class PrdBacking {

  /** The request parameter that names the task, in the page's address and in each of its forms. */
  private static final String ID = "id";

  /** The request parameter of the confirmation form: the decision waiting for it. */
  private static final String PENDING = "pending";

  @Inject Tasks tasks;

  @Inject Prds prds;

  @Inject Decisions decisions;

  @Inject Reviews reviews;

  @Inject ConsoleUser user;

  private String id;
  private Reviews.Holder hold;
  private boolean holdRead;
  private String assignee;

  /** The decision waiting for "decide anyway" while someone else holds the review. */
  private String pending;

  private boolean pendingRead;
  private boolean superseded;
  private TaskView task;
  private List<PrdVersion> versions;
  private String reason;
  private List<PrdDocument.Line> document;

  public void load() throws IOException {
    if (task != null) {
      return;
    }
    if (task() == null) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(404, "No task " + id());
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    knowHold(reviews.holder(task.id()).orElse(null));
  }

  private TaskView task() {
    if (task == null) {
      task = Tasks.parseId(id()).flatMap(tasks::find).orElse(null);
    }
    return task;
  }

  /**
   * The task's id: the view parameter's, or on a postback the id the form posts, read before the
   * view parameter is applied (the buttons' {@code rendered} conditions need the task).
   */
  private String id() {
    if (id == null) {
      id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(ID);
    }
    return id;
  }

  private List<PrdVersion> versions() {
    if (versions == null) {
      versions = prds.versions(task().id());
    }
    return versions;
  }

  /** Who holds the review of this revision: null when nobody. */
  public Reviews.Holder getHold() {
    if (!holdRead) {
      knowHold(task() == null ? null : reviews.holder(task().id()).orElse(null));
    }
    return hold;
  }

  private void knowHold(Reviews.Holder holder) {
    hold = holder;
    holdRead = true;
  }

  public boolean isHeldByMe() {
    return getHold() != null && hold.name().equals(user.getName());
  }

  public List<String> getApprovers() {
    return reviews.approvers();
  }

  public String claim() {
    if (!user.allowed(Role.APPROVER)) {
      return null;
    }
    return held(() -> reviews.claim(task().id(), user.caller()), "You hold this review now.");
  }

  public String release() {
    if (!user.allowed(Role.APPROVER, Role.OPERATOR)) {
      return null;
    }
    return held(
        () -> reviews.release(task().id(), user.caller()),
        "Released: anyone may claim this review.");
  }

  public String assign() {
    if (!user.allowed(Role.APPROVER, Role.OPERATOR)) {
      return null;
    }
    return held(
        () -> reviews.assign(task().id(), assignee, user.caller()),
        "Assigned to " + assignee + ", who is told in their inbox.");
  }

  private String held(Runnable action, String done) {
    try {
      action.run();
    } catch (TaskStateConflictException | NotPermittedException | InvalidDecisionException e) {
      Messages.error(e.getMessage());
      knowHold(reviews.holder(task().id()).orElse(null));
      return null;
    }
    Messages.info(done);
    return "/console/review/prd?faces-redirect=true&id=" + task().id();
  }

  /**
   * The decision that waits for confirmation ("approve" or "reject"), or null: on a postback of the
   * confirmation, the one its form posts.
   */
  public String getPending() {
    if (!pendingRead) {
      String posted =
          FacesContext.getCurrentInstance()
              .getExternalContext()
              .getRequestParameterMap()
              .get(PENDING);
      pending("approve".equals(posted) || "reject".equals(posted) ? posted : null);
    }
    return pending;
  }

  private void pending(String decision) {
    pending = decision;
    pendingRead = true;
  }

  /**
   * Whether deciding now needs a confirmation first: someone else holds the review (read again,
   * they may have claimed it since the page was opened).
   */
  private boolean needsConfirmation(String decision) {
    knowHold(reviews.holder(task().id()).orElse(null));
    if (hold == null || isHeldByMe()) {
      return false;
    }
    pending(decision);
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
    if (!user.allowed(Role.APPROVER)) {
      return null;
    }
    if (needsConfirmation("approve")) {
      return null;
    }
    return approveAnyway();
  }

  /** Approves although someone else holds the review: the person confirmed it. */
  public String approveAnyway() {
    if (!user.allowed(Role.APPROVER)) {
      return null;
    }
    pending(null);
    return decided(
        () -> decisions.approve(task().id(), user.caller(), user.getName()),
        "Approved: the PRD is final.");
  }

  public String reject() {
    if (!user.allowed(Role.APPROVER)) {
      return null;
    }
    if (needsConfirmation("reject")) {
      return null;
    }
    return rejectAnyway();
  }

  /** Rejects with the reason given, although someone else holds the review: confirmed. */
  public String rejectAnyway() {
    if (!user.allowed(Role.APPROVER)) {
      return null;
    }
    pending(null);
    return decided(
        () -> decisions.reject(task().id(), user.caller(), user.getName(), reason),
        "Sent back with your reason: the agent writes a revision.");
  }

  private String decided(Runnable decision, String done) {
    try {
      decision.run();
    } catch (DecisionTakenException e) {
      // someone decided first: the page stops offering a decision and says who
      Messages.error(e.getMessage());
      superseded = true;
      task = tasks.find(task().id()).orElse(task);
      knowHold(null);
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
    pending(null);
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
