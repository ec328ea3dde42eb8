package dev.refinery.shared.testing;

import dev.refinery.shared.application.AuditTrail;
import dev.refinery.shared.application.RefusalAudit;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail for unit tests: each entry as {@code "<actor> <action> <subject>[: <detail>]"},
 * in order; refusals (audited in a transaction of their own in the container) land in the same
 * list.
 */
public final class RecordingAuditTrail extends AuditTrail {

  private final List<String> entries = new ArrayList<>();

  public List<String> entries() {
    return entries;
  }

  /** The refusal audit, writing here. */
  public RefusalAudit refusals() {
    RecordingAuditTrail trail = this;
    return new RefusalAudit() {
      @Override
      public void record(
          String actor, String action, String subject, String taskId, String detail) {
        trail.record(actor, action, subject, taskId, detail);
      }
    };
  }

  @Override
  public void record(String actor, String action, String subject, String taskId, String detail) {
    entries.add(
        actor
            + " "
            + action
            + " "
            + subject
            + (detail == null || detail.isEmpty() ? "" : ": " + detail));
  }
}
