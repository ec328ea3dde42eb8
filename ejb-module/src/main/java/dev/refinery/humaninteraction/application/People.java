package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.AuditTrail;
import dev.refinery.shared.infrastructure.persistence.NativeRows;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The people who sign in, their roles and their PBKDF2-hashed passwords; every change is audited with
 * who made it. A disabled person cannot sign in; nobody is ever deleted (the audit trail names them).
 */
@Stateless
public class People {

  public static final int MIN_PASSWORD = 10;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
  /** Bumped on every change, so caches of verified credentials on this instance forget at once. */

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

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
    hash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
        "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations), "Pbkdf2PasswordHash.SaltSizeBytes", "32"));
    if (unknownPersonHash == null || !unknownPersonHash.contains(":" + iterations + ":")) {
      byte[] random = new byte[24];
      new java.security.SecureRandom().nextBytes(random);
      unknownPersonHash = hash.generate(java.util.HexFormat.of().formatHex(random).toCharArray());
    }
  }

  /**
   * The version of an enabled person's record (when it last changed), or empty when they are unknown or
   * disabled: a cache of verified credentials holds one only while the version is the same, so a change on
   * any instance (disabled, new password, new roles) takes effect everywhere at once.
   */
  public Optional<Instant> version(String username) {
    List<?> changed = entityManager.createNativeQuery("SELECT updated_at FROM humaninteraction.person"
        + " WHERE username = ? AND enabled").setParameter(1, username).getResultList();
    return changed.isEmpty() ? Optional.empty() : Optional.of(NativeRows.instant(changed.getFirst()));
  }


  /**
   * The person, when the password is theirs and they are enabled. Outside a transaction: the password hash
   * (deliberately slow) must not hold a database connection, idle in a transaction, while it computes.
   */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
  public Optional<Person> authenticate(String username, char[] password) {
    char[] given = password == null ? new char[0] : password;
    List<?> stored = username == null || !USERNAME.matcher(username).matches() ? List.of()
        : entityManager.createNativeQuery("SELECT password_hash, locked_at IS NOT NULL, failed_sign_ins"
            + " FROM humaninteraction.person WHERE username = ? AND enabled").setParameter(1, username).getResultList();
    if (stored.isEmpty()) {
      hash.verify(given, unknownPersonHash); // costs what a known person costs: nobody learns who exists
      return Optional.empty();
    }
    Object[] row = (Object[]) stored.getFirst();
    if (!hash.verify(given, (String) row[0])) {
      signIns.failed(username);
      return Optional.empty();
    }
    if ((Boolean) row[1]) {
      return Optional.empty(); // locked out: the right password does not help until an admin unlocks
    }
    if (((Number) row[2]).intValue() > 0) {
      signIns.succeeded(username);
    }
    return find(username);
  }

  /** Lets a locked-out person sign in again (ADMIN; audited). */
  public void unlock(String username, Caller caller) {
    String by = admin(caller, "unlock a person");
    update(username, "failed_sign_ins = 0, locked_at = NULL");
    audit.record(by, "PERSON_UNLOCKED", username, null, null);
  }

  /** People are managed by ADMINs only, whichever edge asks: the caller's name, for the audit trail. */
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
    return query("ORDER BY username", null);
  }

  /** A person, for signing them in (the container's identity store); people are read otherwise by ADMINs. */
  public Optional<Person> find(String username) {
    return query("WHERE username = ?", username).stream().findFirst();
  }

  public void create(String username, String displayName, char[] password, Set<Role> roles, Caller caller) {
    String by = admin(caller, "add a person");
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new InvalidPersonException("username", "a username is 1 to 100 letters, digits or . _ @ -");
    }
    if (find(username).isPresent()) {
      throw new InvalidPersonException("username", "'" + username + "' is taken");
    }
    if (notifications.sharedInbox(username)) {
      throw new InvalidPersonException("username", "'" + username + "' is a shared inbox's name; its holder would"
          + " read every notification sent there");
    }
    requireRoles(roles);
    Timestamp now = Timestamp.from(clock.instant());
    entityManager.createNativeQuery("INSERT INTO humaninteraction.person (username, display_name, password_hash,"
            + " roles, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, true, ?, ?)")
        .setParameter(1, username).setParameter(2, displayName == null || displayName.isBlank() ? username : displayName.strip())
        .setParameter(3, hashed(password)).setParameter(4, joined(roles)).setParameter(5, now).setParameter(6, now)
        .executeUpdate();
    audit.record(by, "PERSON_CREATED", username, null, "roles " + joined(roles));
  }

  public void change(String username, Set<Role> roles, boolean enabled, Caller caller) {
    String by = admin(caller, "change a person");
    requireRoles(roles);
    if (username.equals(by) && (!enabled || !roles.contains(Role.ADMIN))) {
      throw new InvalidPersonException("roles", "you cannot take away your own ADMIN role or disable yourself");
    }
    update(username, "roles = ?, enabled = ?", joined(roles), enabled);
    audit.record(by, "PERSON_CHANGED", username, null, "roles " + joined(roles) + (enabled ? "" : ", disabled"));
  }

  /** A new password; a person locked out is unlocked with it. */
  public void resetPassword(String username, char[] password, Caller caller) {
    String by = admin(caller, "set a password");
    boolean locked = find(username).map(Person::locked).orElse(false);
    update(username, "password_hash = ?, failed_sign_ins = 0, locked_at = NULL", hashed(password));
    audit.record(by, "PASSWORD_RESET", username, null, locked ? "and unlocked" : null);
  }

  /**
   * The first admin, from configuration, when nobody can administer yet: returns whether it was created.
   * Once an admin exists this does nothing, so changing the configured password later changes nothing.
   */
  public boolean ensureFirstAdmin(String username, char[] password) {
    // instances starting together wait here for each other: the first creates the admin, the others see it
    entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('refinery.first-admin'))").getSingleResult();
    Number admins = (Number) entityManager.createNativeQuery("SELECT count(*) FROM humaninteraction.person"
        + " WHERE enabled AND ',' || roles || ',' LIKE '%,ADMIN,%'").getSingleResult();
    if (admins.longValue() > 0) {
      return false;
    }
    create(username, "Administrator", password, EnumSet.allOf(Role.class), new Caller("configuration", Set.of(Role.ADMIN)));
    return true;
  }

  private void update(String username, String assignments, Object... values) {
    var query = entityManager.createNativeQuery("UPDATE humaninteraction.person SET " + assignments
        + ", updated_at = ? WHERE username = ?");
    for (int i = 0; i < values.length; i++) {
      query.setParameter(i + 1, values[i]);
    }
    int updated = query.setParameter(values.length + 1, Timestamp.from(clock.instant()))
        .setParameter(values.length + 2, username).executeUpdate();
    if (updated == 0) {
      throw new InvalidPersonException("username", "nobody is called '" + username + "'");
    }
  }

  private String hashed(char[] password) {
    if (password == null || password.length < MIN_PASSWORD) {
      throw new InvalidPersonException("password", "a password has at least " + MIN_PASSWORD + " characters");
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

  @SuppressWarnings("unchecked")
  private List<Person> query(String where, String username) {
    var query = entityManager.createNativeQuery("SELECT username, display_name, roles, enabled, created_at,"
        + " locked_at IS NOT NULL FROM humaninteraction.person " + where);
    if (username != null) {
      query.setParameter(1, username);
    }
    return ((List<Object[]>) query.getResultList()).stream().map(row -> new Person((String) row[0], (String) row[1],
        Arrays.stream(((String) row[2]).split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))),
        (Boolean) row[3], NativeRows.instant(row[4]), (Boolean) row[5])).toList();
  }
}
