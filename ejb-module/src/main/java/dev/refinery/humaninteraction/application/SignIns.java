package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.domain.PersonRepository;
import dev.refinery.humaninteraction.domain.SignInRecord;
import dev.refinery.shared.application.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failed sign-ins in a row, counted in the database so every instance sees them: after {@code
 * refinery.security.lockout-after} the person is locked out (audited) until an admin unlocks them
 * (see {@link SignInRecord}). Each outcome is written in a transaction of its own: the sign-in
 * itself runs outside any.
 */
@Stateless
public class SignIns {

  @Inject PersonRepository people;

  @Inject AuditTrail audit;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "refinery.security.lockout-after", defaultValue = "10")
  int lockoutAfter;

  /**
   * One more failure; locks the person out when it is one too many (their cached credentials go
   * too).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failed(String username) {
    Optional<SignInRecord> before = people.lockSignIns(username);
    if (before.isEmpty()) {
      return;
    }
    SignInRecord after = before.get().failed(lockoutAfter, clock.instant());
    if (after.justLockedOutBy(before.get())) {
      people.saveSignIns(username, after, clock.instant());
      audit.record(
          "sign-in",
          "PERSON_LOCKED",
          username,
          null,
          "after " + lockoutAfter + " failed sign-ins in a row");
    } else {
      people.saveSignIns(username, after);
    }
  }

  /** A sign-in that succeeded: the count starts again. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void succeeded(String username) {
    people
        .lockSignIns(username)
        .filter(record -> record.failures() > 0)
        .ifPresent(record -> people.saveSignIns(username, record.succeeded()));
  }
}
