package dev.refinery.shared.testing;

import dev.refinery.shared.application.AuditTrail;
import dev.refinery.shared.application.RefusalAudit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The audit trail for unit tests: each entry as {@code "<actor> <action> <subject>[: <detail>]"},
 * in order; refusals (audited in a transaction of their own in the container) land in the same
 * list.
 */
public final class RecordingAuditTrail implements AuditTrail {

  private final List<Entry> recorded = new ArrayList<>();
  private final List<String> entries = new ArrayList<>();
  private long exportedThrough;

  /** The entries so far, as text; the list grows as entries are recorded. */
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
    recorded.add(
        new Entry(recorded.size() + 1L, Instant.now(), actor, action, subject, taskId, detail));
    entries.add(
        actor
            + " "
            + action
            + " "
            + subject
            + (detail == null || detail.isEmpty() ? "" : ": " + detail));
  }

  @Override
  public List<Entry> recent(String actor, String taskId, int limit) {
    return recorded.stream()
        .filter(entry -> actor == null || Objects.equals(entry.actor(), actor))
        .filter(entry -> taskId == null || Objects.equals(entry.taskId(), taskId))
        .sorted(Comparator.comparingLong(Entry::id).reversed())
        .limit(Math.clamp(limit, 1, 1000))
        .toList();
  }

  @Override
  public List<Entry> after(long afterId, int limit) {
    return recorded.stream()
        .filter(entry -> entry.id() > afterId)
        .limit(Math.clamp(limit, 1, 10_000))
        .toList();
  }

  @Override
  public long newestId() {
    return recorded.size();
  }

  @Override
  public void markExported(long throughId, String actor) {
    exportedThrough = Math.max(exportedThrough, throughId);
  }

  @Override
  public long exportedThrough() {
    return exportedThrough;
  }
}
