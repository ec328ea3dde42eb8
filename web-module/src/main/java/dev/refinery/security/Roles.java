package dev.refinery.security;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.api.Role;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in caller, for the application boundaries that check roles and ownership (every
 * action, whatever the page showed), and the container groups of a person.
 */
public final class Roles {

  private Roles() {}

  /** The container groups of a person: their roles, and every role for an ADMIN. */
  static Set<String> groups(Person person) {
    Set<Role> roles =
        person.roles().contains(Role.ADMIN) ? EnumSet.allOf(Role.class) : person.roles();
    return roles.stream().map(Role::name).collect(Collectors.toSet());
  }

  /**
   * The signed-in caller as the application boundaries take it: name and roles, from the container.
   */
  public static Caller caller(SecurityContext security) {
    Principal principal = security.getCallerPrincipal();
    if (principal == null) {
      throw new jakarta.ws.rs.NotAuthorizedException("Basic realm=\"refinery\"");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (security.isCallerInRole(role.name())) {
        roles.add(role);
      }
    }
    return new Caller(principal.getName(), roles);
  }
}
