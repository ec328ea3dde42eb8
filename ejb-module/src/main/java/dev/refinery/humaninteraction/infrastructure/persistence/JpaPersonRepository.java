package dev.refinery.humaninteraction.infrastructure.persistence;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.domain.PersonRepository;
import dev.refinery.humaninteraction.domain.SignInRecord;
import dev.refinery.shared.infrastructure.persistence.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * People in {@code humaninteraction.person}; roles are kept comma-separated, a change bumps {@code
 * updated_at}.
 */
@ApplicationScoped
public class JpaPersonRepository implements PersonRepository {

  private static final String PERSON =
      "SELECT username, display_name, roles, enabled, created_at,"
          + " locked_at IS NOT NULL FROM humaninteraction.person ";

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public Optional<Instant> version(String username) {
    List<?> changed =
        entityManager
            .createNativeQuery(
                "SELECT updated_at FROM humaninteraction.person"
                    + " WHERE username = ? AND enabled")
            .setParameter(1, username)
            .getResultList();
    return changed.stream().findFirst().map(NativeRows::instant);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Credentials> credentials(String username) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT password_hash, failed_sign_ins, locked_at"
                    + " FROM humaninteraction.person WHERE username = ? AND enabled")
            .setParameter(1, username)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row ->
                new Credentials(
                    (String) row[0],
                    new SignInRecord(((Number) row[1]).intValue(), instant(row[2]))));
  }

  @Override
  public Optional<Person> find(String username) {
    return people(
            entityManager
                .createNativeQuery(PERSON + "WHERE username = ?")
                .setParameter(1, username))
        .stream()
        .findFirst();
  }

  @Override
  public List<Person> all() {
    return people(entityManager.createNativeQuery(PERSON + "ORDER BY username"));
  }

  @Override
  public void add(
      String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
    entityManager
        .createNativeQuery(
            "INSERT INTO humaninteraction.person (username, display_name, password_hash,"
                + " roles, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, true, ?, ?)")
        .setParameter(1, username)
        .setParameter(2, displayName)
        .setParameter(3, passwordHash)
        .setParameter(4, joined(roles))
        .setParameter(5, Timestamp.from(now))
        .setParameter(6, Timestamp.from(now))
        .executeUpdate();
  }

  @Override
  public boolean changeRoles(String username, Set<Role> roles, boolean enabled, Instant now) {
    return entityManager
            .createNativeQuery(
                "UPDATE humaninteraction.person SET roles = ?, enabled = ?, updated_at = ?"
                    + " WHERE username = ?")
            .setParameter(1, joined(roles))
            .setParameter(2, enabled)
            .setParameter(3, Timestamp.from(now))
            .setParameter(4, username)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean resetPassword(String username, String passwordHash, Instant now) {
    return entityManager
            .createNativeQuery(
                "UPDATE humaninteraction.person SET password_hash = ?, failed_sign_ins = 0,"
                    + " locked_at = NULL, updated_at = ? WHERE username = ?")
            .setParameter(1, passwordHash)
            .setParameter(2, Timestamp.from(now))
            .setParameter(3, username)
            .executeUpdate()
        == 1;
  }

  @Override
  public void saveSignIns(String username, SignInRecord signIns) {
    entityManager
        .createNativeQuery(
            "UPDATE humaninteraction.person SET failed_sign_ins = ?,"
                + " locked_at = CAST(? AS timestamptz) WHERE username = ?")
        .setParameter(1, signIns.failures())
        .setParameter(2, timestamp(signIns.lockedAt()))
        .setParameter(3, username)
        .executeUpdate();
  }

  @Override
  public boolean saveSignIns(String username, SignInRecord signIns, Instant now) {
    return entityManager
            .createNativeQuery(
                "UPDATE humaninteraction.person SET failed_sign_ins = ?,"
                    + " locked_at = CAST(? AS timestamptz), updated_at = ? WHERE username = ?")
            .setParameter(1, signIns.failures())
            .setParameter(2, timestamp(signIns.lockedAt()))
            .setParameter(3, Timestamp.from(now))
            .setParameter(4, username)
            .executeUpdate()
        == 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<SignInRecord> lockSignIns(String username) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT failed_sign_ins, locked_at FROM"
                    + " humaninteraction.person WHERE username = ? FOR UPDATE")
            .setParameter(1, username)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(row -> new SignInRecord(((Number) row[0]).intValue(), instant(row[1])));
  }

  @Override
  public long enabledAdminsExclusively() {
    // instances starting together wait here for each other: the first creates the admin, the others
    // see it
    entityManager
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('refinery.first-admin'))")
        .getSingleResult();
    return ((Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM humaninteraction.person"
                        + " WHERE enabled AND ',' || roles || ',' LIKE '%,ADMIN,%'")
                .getSingleResult())
        .longValue();
  }

  private static String joined(Set<Role> roles) {
    return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
  }

  @SuppressWarnings("unchecked")
  private static List<Person> people(Query query) {
    return ((List<Object[]>) query.getResultList())
        .stream()
            .map(
                row ->
                    new Person(
                        (String) row[0],
                        (String) row[1],
                        Arrays.stream(((String) row[2]).split(","))
                            .map(Role::valueOf)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))),
                        (Boolean) row[3],
                        instant(row[4]),
                        (Boolean) row[5]))
            .toList();
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
