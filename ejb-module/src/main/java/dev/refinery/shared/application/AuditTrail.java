package dev.refinery.shared.application;

import java.time.Instant;
import java.util.List;

/**
 * What people did (approvals, rejections, replays, user changes), with who, what and when: appended
 * in the transaction of the action itself, so an action that rolls back leaves no entry, and an
 * entry never exists without its action.
 */
public interface AuditTrail {

  /** One recorded action. */
  record Entry(
      long id,
      Instant at,
      String actor,
      String action,
      String subject,
      String taskId,
      String detail) {}

  /** Appends an entry in the caller's transaction. */
  void record(String actor, String action, String subject, String taskId, String detail);

  /** The newest entries first, optionally only one actor's or one task's (at most 1000). */
  List<Entry> recent(String actor, String taskId, int limit);

  /**
   * The entries after {@code afterId}, oldest first (at most 10000): what an export reads. Only
   * entries recorded a minute ago or earlier: an id is taken when an entry is written, not when its
   * transaction commits, so a fresher entry with a lower id than one already visible may still be
   * on its way, and an export acknowledged past it would let retention delete it unexported.
   */
  List<Entry> after(long afterId, int limit);

  /** The newest entry's id, or 0 when the trail is empty. */
  long newestId();

  /**
   * Records, in the caller's transaction, that {@code actor} keeps the entries through {@code
   * throughId} elsewhere now: retention may delete them once they are old enough.
   */
  void markExported(long throughId, String actor);

  /** The highest id ever marked exported, or 0. */
  long exportedThrough();
}
