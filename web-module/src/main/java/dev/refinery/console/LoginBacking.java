package dev.refinery.console;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Backs {@code login.xhtml}: signs in through the application's authentication mechanism. */
@Named
@RequestScoped
public class LoginBacking {

  @Inject SecurityContext security;

  private String username;
  private String password;
  private String next;

  public void signIn() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
    password = null;
    if (status == AuthenticationStatus.SUCCESS) {
      external.redirect(external.getRequestContextPath() + safeNext());
      faces.responseComplete();
    } else if (status == AuthenticationStatus.SEND_FAILURE) {
      Object wait =
          external.getRequestMap().get(dev.refinery.security.RefineryAuthentication.THROTTLED);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              wait != null
                  ? "Too many failed sign-ins for this username or from here; try again in "
                      + wait
                      + " s"
                  : "Wrong username or password",
              null));
    } else {
      faces.responseComplete();
    }
  }

  /** Only a path of this console: never another site. */
  private String safeNext() {
    return next != null && next.startsWith("/console/") && !next.contains("//")
        ? next
        : "/console/dashboard.xhtml";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
