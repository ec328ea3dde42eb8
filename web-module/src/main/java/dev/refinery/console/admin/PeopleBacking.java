package dev.refinery.console.admin;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Messages;
import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.application.InvalidPersonException;
import dev.refinery.humaninteraction.application.People;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Backs {@code console/admin/people.xhtml}: everyone who signs in; add a person, change a person's
 * roles, disable or enable them, set a new password (an admin's own too). Every change is audited
 * by the boundary.
 */
@Named
@RequestScoped
public class PeopleBacking {

  @Inject People people;

  @Inject ConsoleUser user;

  private String username;
  private String displayName;
  private String password;
  private Role[] roles = {Role.REQUESTER};
  private boolean enabled = true;

  public List<Person> getAll() {
    return people.all(user.caller());
  }

  public Role[] getAllRoles() {
    return Role.values();
  }

  public String add() {
    return change(
        () -> people.create(username, displayName, chars(password), roles(), user.caller()),
        "Added " + username + ".");
  }

  public String update() {
    return change(
        () -> people.change(username, roles(), enabled, user.caller()),
        "Changed " + username + ".");
  }

  public String setPassword() {
    return change(
        () -> people.resetPassword(username, chars(password), user.caller()),
        "New password set for " + username + ".");
  }

  private String change(Runnable change, String done) {
    if (!user.allowed(Role.ADMIN)) {
      return null;
    }
    try {
      change.run();
    } catch (InvalidPersonException e) {
      Messages.error(e.field() + ": " + e.getMessage());
      return null;
    } finally {
      password = null;
    }
    Messages.info(done);
    return "/console/admin/people?faces-redirect=true";
  }

  private Set<Role> roles() {
    return roles == null || roles.length == 0 ? Set.of() : EnumSet.copyOf(List.of(roles));
  }

  private static char[] chars(String text) {
    return text == null ? null : text.toCharArray();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public Role[] getRoles() {
    return roles;
  }

  public void setRoles(Role[] roles) {
    this.roles = roles;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
