package dev.refinery.shared.application;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Taking the audit trail elsewhere before retention deletes it: an operator (or ADMIN) reads it
 * page by page, oldest first, stores it, then acknowledges the last id stored. Only acknowledged
 * entries are ever deleted (after {@code refinery.retention.audit}); each acknowledgement is itself
 * audited.
 */
@Stateless
public class AuditExport {

  private static final System.Logger LOG = System.getLogger(AuditExport.class.getName());

  /** The most entries one page holds. */
  public static final int MAX_PAGE = 10_000;

  @Inject AuditTrail audit;

  /** The entries after {@code afterId}, oldest first, at most {@code limit}. */
  public List<AuditTrail.Entry> page(long afterId, int limit, Caller caller) {
    Permissions.require(caller, Role.OPERATOR, "read the audit trail's export");
    if (afterId < 0) {
      throw new IllegalArgumentException("after must be 0 or an entry id, not " + afterId);
    }
    return audit.after(afterId, Math.clamp(limit, 1, MAX_PAGE));
  }

  /** The highest id acknowledged so far (0: nothing may be deleted yet). */
  public long exportedThrough() {
    return audit.exportedThrough();
  }

  /**
   * Records that the caller keeps the entries through {@code throughId} elsewhere; the mark never
   * moves back. Returns the mark after the call.
   *
   * @throws IllegalArgumentException when {@code throughId} names no entry yet
   */
  public long acknowledge(long throughId, Caller caller) {
    Permissions.require(caller, Role.OPERATOR, "acknowledge an audit export");
    String actor = caller.name();
    long newest = audit.newestId();
    if (throughId < 1 || throughId > newest) {
      throw new IllegalArgumentException(
          "through must be the id of an exported entry, from 1 to the newest ("
              + newest
              + "), not "
              + throughId);
    }
    long before = audit.exportedThrough();
    if (throughId <= before) {
      return before;
    }
    audit.markExported(throughId, actor);
    audit.record(
        actor,
        "AUDIT_EXPORTED",
        "audit trail",
        null,
        "entries " + (before + 1) + " to " + throughId + " kept elsewhere");
    LOG.log(
        Level.INFO,
        "Audit entries {0} to {1} exported; retention may delete them when old enough",
        before + 1,
        throughId);
    return throughId;
  }
}
