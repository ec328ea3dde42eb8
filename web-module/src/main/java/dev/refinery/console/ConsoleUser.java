package dev.refinery.console;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.security.Roles;
import dev.refinery.shared.logging.LogText;
import dev.refinery.shared.monitoring.Alerts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * The signed-in person as pages see them ({@code #{user}}): name, roles, sign-out, the alert
 * banner. {@link #allowed} is the server-side check every action makes before doing anything.
 */
@Named("user")
@RequestScoped
public class ConsoleUser {

  private static final System.Logger LOG = System.getLogger(ConsoleUser.class.getName());

  @Inject SecurityContext security;

  @Inject Alerts alerts;

  public String getName() {
    return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
  }

  /** The caller as the application boundaries take it: name and roles, from the container. */
  public Caller caller() {
    return Roles.caller(security);
  }

  public boolean isRequester() {
    return security.isCallerInRole(Role.REQUESTER.name());
  }

  public boolean isApprover() {
    return security.isCallerInRole(Role.APPROVER.name());
  }

  public boolean isOperator() {
    return security.isCallerInRole(Role.OPERATOR.name());
  }

  public boolean isAdmin() {
    return security.isCallerInRole(Role.ADMIN.name());
  }

  /** Open alerts, for the banner operators see on every page. */
  public int getOpenAlerts() {
    return isOperator() ? alerts.open().size() : 0;
  }

  /**
   * Whether the caller has one of the roles. When not, the response becomes a 403 and the action
   * must stop: whatever the page showed, the server decides.
   */
  public boolean allowed(Role... roles) {
    if (Arrays.stream(roles).anyMatch(role -> security.isCallerInRole(role.name()))) {
      return true;
    }
    refuse("This needs the role " + Arrays.toString(roles));
    return false;
  }

  /** Answers the request with a 403 saying why, and logs who was refused what. */
  public void refuse(String why) {
    FacesContext faces = FacesContext.getCurrentInstance();
    LOG.log(
        Level.WARNING,
        "{0} was refused on {1}: {2}",
        LogText.escaped(getName()),
        faces.getViewRoot() == null ? "?" : faces.getViewRoot().getViewId(),
        LogText.escaped(why));
    try {
      faces.getExternalContext().responseSendError(403, why);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  public String signOut() throws ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String name = getName();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    LOG.log(Level.INFO, "''{0}'' signed out of the console", LogText.escaped(name));
    return "/login.xhtml?faces-redirect=true&out=true";
  }
}
