package dev.refinery.humaninteraction.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls an application boundary, as the container authenticated them (never a name from a
 * request body): their username and roles (an ADMIN holds every role).
 */
public record Caller(String name, Set<Role> roles) {

  public Caller {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a caller has a name");
    }
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** Whether the caller holds one of these roles. */
  public boolean has(Role... any) {
    return Arrays.stream(any).anyMatch(roles::contains);
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  /**
   * Who an action is taken for: the caller when {@code named} is blank or the caller, the named
   * person when the caller is an ADMIN (an integration acting for people), else empty (not
   * allowed).
   */
  public Optional<String> actingFor(String named) {
    if (named == null || named.isBlank() || named.equals(name)) {
      return Optional.of(name);
    }
    return isAdmin() ? Optional.of(named.strip()) : Optional.empty();
  }
}
