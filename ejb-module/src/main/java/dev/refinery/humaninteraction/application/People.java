package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.domain.PersonRepository;
import dev.refinery.humaninteraction.domain.SignInRecord;
import dev.refinery.shared.application.AuditTrail;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The people who sign in, their roles and their PBKDF2-hashed passwords; every change is audited
 * with who made it. A disabled person cannot sign in; nobody is ever deleted (the audit trail names
 * them).
 */
@Stateless
public class People {

  public static final int MIN_PASSWORD = 10;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

  @Inject PersonRepository people;

  @Inject Pbkdf2PasswordHash hash;

  @Inject AuditTrail audit;

  @Inject Deciders deciders;

  @Inject SignIns signIns;

  @Inject Notifications notifications;

  /** A hash no password matches, verified for unknown people so they cost as much as known ones. */
  private static volatile String unknownPersonHash;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "refinery.security.pbkdf2-iterations", defaultValue = "210000")
  int iterations;

  @PostConstruct
  void configure() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm",
            "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations",
            String.valueOf(iterations),
            "Pbkdf2PasswordHash.SaltSizeBytes",
            "32"));
    if (unknownPersonHash == null || !unknownPersonHash.contains(":" + iterations + ":")) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      unknownPersonHash = hash.generate(HexFormat.of().formatHex(random).toCharArray());
    }
  }

  /**
   * The version of an enabled person's record (when it last changed), or empty when they are
   * unknown or disabled: a cache of verified credentials holds one only while the version is the
   * same, so a change on any instance (disabled, new password, new roles) takes effect everywhere
   * at once.
   */
  public Optional<Instant> version(String username) {
    return people.version(username);
  }

  /**
   * The person, when the password is theirs and they are enabled. Outside a transaction: the
   * password hash (deliberately slow) must not hold a database connection, idle in a transaction,
   * while it computes.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<Person> authenticate(String username, char[] password) {
    char[] given = password == null ? new char[0] : password;
    Optional<PersonRepository.Credentials> stored =
        username == null || !USERNAME.matcher(username).matches()
            ? Optional.empty()
            : people.credentials(username);
    if (stored.isEmpty()) {
      hash.verify(
          given, unknownPersonHash); // costs what a known person costs: nobody learns who exists
      return Optional.empty();
    }
    if (!hash.verify(given, stored.get().passwordHash())) {
      signIns.failed(username);
      return Optional.empty();
    }
    SignInRecord record = stored.get().signIns();
    if (record.locked()) {
      return Optional
          .empty(); // locked out: the right password does not help until an admin unlocks
    }
    if (record.failures() > 0) {
      signIns.succeeded(username);
    }
    return find(username);
  }

  /** Lets a locked-out person sign in again (ADMIN; audited). */
  public void unlock(String username, Caller caller) {
    String by = admin(caller, "unlock a person");
    known(people.saveSignIns(username, new SignInRecord(0, null), clock.instant()), username);
    audit.record(by, "PERSON_UNLOCKED", username, null, null);
  }

  /**
   * People are managed by ADMINs only, whichever edge asks: the caller's name, for the audit trail.
   */
  private String admin(Caller caller, String action) {
    deciders.requireRole(caller, Role.ADMIN, action);
    return caller.name();
  }

  /** A person as an ADMIN reads them. */
  public Optional<Person> find(String username, Caller caller) {
    admin(caller, "read a person");
    return find(username);
  }

  /** Everyone who signs in, by username, as an ADMIN reads them. */
  public List<Person> all(Caller caller) {
    admin(caller, "list people");
    return people.all();
  }

  /**
   * A person, for signing them in (the container's identity store); people are read otherwise by
   * ADMINs.
   */
  public Optional<Person> find(String username) {
    return people.find(username);
  }

  public void create(
      String username, String displayName, char[] password, Set<Role> roles, Caller caller) {
    String by = admin(caller, "add a person");
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new InvalidPersonException(
          "username", "a username is 1 to 100 letters, digits or . _ @ -");
    }
    if (find(username).isPresent()) {
      throw new InvalidPersonException("username", "'" + username + "' is taken");
    }
    if (notifications.sharedInbox(username)) {
      throw new InvalidPersonException(
          "username",
          "'"
              + username
              + "' is a shared inbox's name; its holder would"
              + " read every notification sent there");
    }
    requireRoles(roles);
    people.add(
        username,
        displayName == null || displayName.isBlank() ? username : displayName.strip(),
        hashed(password),
        roles,
        clock.instant());
    audit.record(by, "PERSON_CREATED", username, null, "roles " + joined(roles));
  }

  public void change(String username, Set<Role> roles, boolean enabled, Caller caller) {
    String by = admin(caller, "change a person");
    requireRoles(roles);
    if (username.equals(by) && (!enabled || !roles.contains(Role.ADMIN))) {
      throw new InvalidPersonException(
          "roles", "you cannot take away your own ADMIN role or disable yourself");
    }
    known(people.changeRoles(username, roles, enabled, clock.instant()), username);
    audit.record(
        by,
        "PERSON_CHANGED",
        username,
        null,
        "roles " + joined(roles) + (enabled ? "" : ", disabled"));
  }

  /** A new password; a person locked out is unlocked with it. */
  public void resetPassword(String username, char[] password, Caller caller) {
    String by = admin(caller, "set a password");
    boolean locked = find(username).map(Person::locked).orElse(false);
    known(people.resetPassword(username, hashed(password), clock.instant()), username);
    audit.record(by, "PASSWORD_RESET", username, null, locked ? "and unlocked" : null);
  }

  /**
   * The first admin, from configuration, when nobody can administer yet: returns whether it was
   * created. Once an admin exists this does nothing, so changing the configured password later
   * changes nothing.
   */
  public boolean ensureFirstAdmin(String username, char[] password) {
    // instances starting together wait here for each other: the first creates the admin, the others
    // see it
    if (people.enabledAdminsExclusively() > 0) {
      return false;
    }
    create(
        username,
        "Administrator",
        password,
        EnumSet.allOf(Role.class),
        new Caller("configuration", Set.of(Role.ADMIN)));
    return true;
  }

  private static void known(boolean found, String username) {
    if (!found) {
      throw new InvalidPersonException("username", "nobody is called '" + username + "'");
    }
  }

  private String hashed(char[] password) {
    if (password == null || password.length < MIN_PASSWORD) {
      throw new InvalidPersonException(
          "password", "a password has at least " + MIN_PASSWORD + " characters");
    }
    try {
      return hash.generate(password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static void requireRoles(Set<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new InvalidPersonException("roles", "a person needs at least one role");
    }
  }

  private static String joined(Set<Role> roles) {
    return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
  }
}
