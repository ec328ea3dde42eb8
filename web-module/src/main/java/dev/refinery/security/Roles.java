package dev.refinery.security;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.api.Role;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.ForbiddenException;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Role checks made on the server for every action, whatever the page showed. */
public final class Roles {

  private Roles() {}

  /** The container groups of a person: their roles, and every role for an ADMIN. */
  static Set<String> groups(Person person) {
    Set<Role> roles = person.roles().contains(Role.ADMIN) ? EnumSet.allOf(Role.class) : person.roles();
    return roles.stream().map(Role::name).collect(Collectors.toSet());
  }

  /** The signed-in caller as the application boundaries take it: name and roles, from the container. */
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

  public static boolean has(SecurityContext security, Role... roles) {
    return Arrays.stream(roles).anyMatch(role -> security.isCallerInRole(role.name()));
  }

  /** The caller's name, when the caller has one of the roles; a 403 otherwise. */
  public static String require(SecurityContext security, Role... roles) {
    Principal caller = security.getCallerPrincipal();
    if (caller == null || !has(security, roles)) {
      throw new ForbiddenException((caller == null ? "anonymous" : caller.getName()) + " may not do this: it needs"
          + " the role " + Arrays.stream(roles).map(Role::name).collect(Collectors.joining(" or ")));
    }
    return caller.getName();
  }
}
