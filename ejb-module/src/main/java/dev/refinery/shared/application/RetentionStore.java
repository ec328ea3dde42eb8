package dev.refinery.shared.application;

import java.time.Instant;
import java.util.List;

/**
 * Where the retention job deletes: each call deletes one small batch of the oldest rows of one
 * table, in a transaction of its own, so the hot path never waits long on it.
 */
public interface RetentionStore {

  /** The tables that grow with every workflow and are pruned. */
  enum Table {
    /** {@code monitoring.event_log}: about 30 lines per workflow. */
    EVENT_LOG("event_log"),
    /**
     * {@code messaging.inbox}: one row per consumed message; a message with an open dead letter
     * keeps its rows (a replay must still find the contexts that handled it).
     */
    INBOX("inbox"),
    /** {@code monitoring.audit_entry}: only entries an operator has exported. */
    AUDIT("audit_entry");

    private final String label;

    Table(String label) {
      this.label = label;
    }

    /** The table's own name, as metrics and logs say it. */
    public String label() {
      return label;
    }
  }

  /**
   * Deletes at most {@code batch} rows of {@code table} older than {@code before}, oldest first;
   * how many it deleted. None when another instance is pruning the same table at this moment.
   */
  int prune(Table table, Instant before, int batch);

  /**
   * Makes the space of the rows just deleted reusable ({@code VACUUM}), outside any transaction, so
   * a pruned table stops growing whether or not the server's autovacuum runs (or keeps up).
   */
  void vacuum(Table table);

  /**
   * What autovacuum would take now when the server's autovacuum is off: the tables of Refinery's
   * schemas with more dead rows than 50 plus a fifth of the live ones, or more rows changed since
   * their last analysis than 50 plus a tenth (PostgreSQL's default thresholds), most dead rows
   * first. Empty when autovacuum is on: the server does it. Without it, a table updated on every
   * workflow (the work queue, the outbox) keeps every old row version, and the queries that claim
   * from it read more of them each minute.
   */
  List<String> overdueForVacuum();

  /**
   * {@code VACUUM (ANALYZE)} of one table {@link #overdueForVacuum} named, skipped when another
   * session holds it.
   */
  void vacuum(String table);
}
