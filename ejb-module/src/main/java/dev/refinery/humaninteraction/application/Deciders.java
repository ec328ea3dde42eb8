package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.AuditTrail;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.application.Permissions;
import dev.refinery.shared.application.RefusalAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may take a decision about a task, for the API and the console alike: the caller as the
 * container authenticated them (each edge passes it on, never a name from a body), and the task's
 * requester from this context's own view, filled when the request was submitted. Unknown means no
 * (the view missing is a {@link NoSuchTaskException}).
 */
@ApplicationScoped
public class Deciders {

  @Inject AuditTrail audit;

  @Inject RefusalAudit refusals;

  @Inject
  @ConfigProperty(name = "refinery.security.approve-own-requests", defaultValue = "false")
  boolean approveOwnRequests;

  /**
   * Who a decision is taken for: the caller, or for an ADMIN (an integration acting for people) the
   * person it names. Anyone else naming somebody else is refused.
   */
  public String actingAs(Caller caller, String named) {
    return caller
        .actingFor(named)
        .orElseThrow(
            () ->
                new NotPermittedException(
                    "signed in as " + caller.name() + ", you cannot act as " + named));
  }

  /** The actions of one role: its holders and ADMINs (who hold every role) may take them. */
  public void requireRole(Caller caller, Role role, String action) {
    Permissions.require(caller, role, action);
  }

  /** Answers belong to the task's requester. */
  public void requireRequester(TaskViews.View view, String by, String action) {
    if (!view.requester().equals(by)) {
      throw new NotPermittedException(
          by
              + " did not request task "
              + view.taskId()
              + "; only "
              + view.requester()
              + " can "
              + action);
    }
  }

  /** Cancellation belongs to the task's requester and to OPERATORs. */
  public void requireRequesterOrOperator(
      TaskViews.View view, String by, Caller caller, String action) {
    if (!view.requester().equals(by) && !caller.has(Role.OPERATOR)) {
      throw new NotPermittedException(
          by
              + " did not request task "
              + view.taskId()
              + "; only "
              + view.requester()
              + " or an OPERATOR can "
              + action);
    }
  }

  /** Whether {@code refinery.security.approve-own-requests} lets requesters approve their own. */
  public boolean mayApproveOwnRequests() {
    return approveOwnRequests;
  }

  /**
   * Separation of duties: nobody approves the PRD of their own request, unless {@code
   * refinery.security.approve-own-requests} allows it. Audited either way.
   */
  public void requireNotOwnRequest(TaskViews.View view, String by) {
    if (!view.requester().equals(by)) {
      return;
    }
    String task = view.taskId().toString();
    if (!approveOwnRequests) {
      refusals.record(by, "OWN_APPROVAL_REFUSED", task, task, "revision " + view.revision());
      throw new NotPermittedException(
          by
              + " requested task "
              + task
              + " and may not approve its PRD: another"
              + " APPROVER decides (refinery.security.approve-own-requests is off)");
    }
    audit.record(
        by,
        "OWN_APPROVAL_ALLOWED",
        task,
        task,
        "revision " + view.revision() + " (refinery.security.approve-own-requests is on)");
  }
}
