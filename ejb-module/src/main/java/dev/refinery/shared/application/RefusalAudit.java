package dev.refinery.shared.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Audits an action that was refused: in a transaction of its own, since the refusal rolls back the
 * action's transaction and the {@link AuditTrail} entry with it.
 */
@Stateless
public class RefusalAudit {

  @Inject AuditTrail audit;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(String actor, String action, String subject, String taskId, String detail) {
    audit.record(actor, action, subject, taskId, detail);
  }
}
