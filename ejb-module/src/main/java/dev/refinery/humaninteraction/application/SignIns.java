package dev.refinery.humaninteraction.application;

import dev.refinery.shared.application.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failed sign-ins in a row, counted in the database so every instance sees them: after
 * {@code refinery.security.lockout-after} the person is locked out (audited) until an admin unlocks them.
 * Each outcome is written in a transaction of its own: the sign-in itself runs outside any.
 */
@Stateless
public class SignIns {

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "refinery.security.lockout-after", defaultValue = "10")
  int lockoutAfter;

  /** One more failure; locks the person out when it is one too many (their cached credentials go too). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  @SuppressWarnings("unchecked")
  public void failed(String username) {
    List<Object[]> row = entityManager.createNativeQuery("UPDATE humaninteraction.person SET"
            + " failed_sign_ins = failed_sign_ins + 1,"
            + " locked_at = CASE WHEN locked_at IS NULL AND failed_sign_ins + 1 >= ?1 THEN now() ELSE locked_at END,"
            + " updated_at = CASE WHEN locked_at IS NULL AND failed_sign_ins + 1 >= ?1 THEN now() ELSE updated_at END"
            + " WHERE username = ?2 RETURNING failed_sign_ins, locked_at IS NOT NULL")
        .setParameter(1, lockoutAfter).setParameter(2, username).getResultList();
    if (!row.isEmpty() && ((Number) row.getFirst()[0]).intValue() == lockoutAfter) {
      audit.record("sign-in", "PERSON_LOCKED", username, null, "after " + lockoutAfter + " failed sign-ins in a row");
    }
  }

  /** A sign-in that succeeded: the count starts again. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void succeeded(String username) {
    entityManager.createNativeQuery("UPDATE humaninteraction.person SET failed_sign_ins = 0"
        + " WHERE username = ? AND failed_sign_ins > 0").setParameter(1, username).executeUpdate();
  }
}
