package dev.refinery.shared.infrastructure.messaging.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * Outbox rows the broker confirmed and nobody has deleted yet. Deleting them costs a write
 * transaction; rather than one of its own per confirmed batch, the next transaction that appends to
 * the outbox takes them all ({@link #takeAll}), and the relay deletes on its own only what waited
 * past a grace period ({@link #takeWaitingSince}), which happens when no transaction came by (an
 * idle instance). Rows a transaction took and then rolled back come back ({@link #giveBack}) and
 * count as waiting since ever. Until they are deleted they are claimed by this instance's relay for
 * a lease, so no sweep sends them again.
 */
final class ConfirmedRows {

  private record Row(long id, long confirmedAtNanos) {}

  private final Queue<Row> rows = new ConcurrentLinkedQueue<>();
  private final LongSupplier clock;

  ConfirmedRows(LongSupplier nanoClock) {
    this.clock = nanoClock;
  }

  void confirmed(Collection<Long> ids) {
    long now = clock.getAsLong();
    ids.forEach(id -> rows.add(new Row(id, now)));
  }

  /** Every row waiting, for the caller's transaction to delete. */
  List<Long> takeAll() {
    List<Long> taken = new ArrayList<>();
    for (Row row = rows.poll(); row != null; row = rows.poll()) {
      taken.add(row.id());
    }
    return taken;
  }

  /** The rows confirmed at least {@code grace} ago. */
  List<Long> takeWaitingSince(Duration grace) {
    long cutoff = clock.getAsLong() - grace.toNanos();
    List<Long> taken = new ArrayList<>();
    for (Iterator<Row> waiting = rows.iterator(); waiting.hasNext(); ) {
      Row row = waiting.next();
      if (row.confirmedAtNanos() - cutoff <= 0 && rows.remove(row)) {
        taken.add(row.id());
      }
    }
    return taken;
  }

  /**
   * Rows a transaction took and could not delete: waiting since ever, so the relay deletes them
   * next.
   */
  void giveBack(Collection<Long> ids) {
    long longAgo = clock.getAsLong() - Duration.ofDays(1).toNanos();
    ids.forEach(id -> rows.add(new Row(id, longAgo)));
  }

  int size() {
    return rows.size();
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }
}
