package dev.refinery.humaninteraction.domain;

import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.api.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The people who sign in, in the caller's transaction. A change bumps the person's version, which
 * caches of verified credentials compare. Implemented in the EJB module.
 */
public interface PersonRepository {

  /** What signing in checks: the password's hash, and the sign-ins that failed. */
  record Credentials(String passwordHash, SignInRecord signIns) {}

  /** When an enabled person's record last changed; empty when unknown or disabled. */
  Optional<Instant> version(String username);

  /** An enabled person's credentials. */
  Optional<Credentials> credentials(String username);

  Optional<Person> find(String username);

  /** Everyone, by username. */
  List<Person> all();

  void add(String username, String displayName, String passwordHash, Set<Role> roles, Instant now);

  /**
   * @return false when nobody has that username
   */
  boolean changeRoles(String username, Set<Role> roles, boolean enabled, Instant now);

  /**
   * A new password hash; the sign-in record starts again. @return false when nobody has that
   * username
   */
  boolean resetPassword(String username, String passwordHash, Instant now);

  /** Counts sign-ins without a new version (the person's cached credentials stay). */
  void saveSignIns(String username, SignInRecord signIns);

  /**
   * A lockout or unlock: the new record and a new version. @return false when nobody has that
   * username
   */
  boolean saveSignIns(String username, SignInRecord signIns, Instant now);

  /**
   * The person's sign-in record, locked until the caller's transaction ends (any person, enabled or
   * not).
   */
  Optional<SignInRecord> lockSignIns(String username);

  /**
   * How many enabled admins there are, counted under a lock every instance starting at the same
   * time waits for, so that only one of them creates the first admin.
   */
  long enabledAdminsExclusively();
}
