package dev.refinery.shared.monitoring;

import dev.refinery.shared.infrastructure.concurrent.DelayedRun;
import dev.refinery.shared.infrastructure.management.RefineryMetric;
import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The append-only event log ({@code monitoring.event_log}): the workflow's audit trail. Lines are
 * kept in memory once their transaction commits and written in batches, {@value #FLUSH_MILLIS} ms
 * after the first line of a batch came (nothing runs while none come), in a transaction of their
 * own, so recording never slows or fails the message it records. A batch the database refuses is
 * tried up to {@value #WRITE_ATTEMPTS} times, with pauses doubling from 100 ms (connections the
 * database ended can fail for a second or so, until the pool has replaced them); a line that still
 * cannot be written (the database gone, the buffer of {@value #CAPACITY} full) is counted in {@code
 * refinery_monitoring_dropped_total} and logged.
 */
@ApplicationScoped
public class EventLog {

  /** What to read back: null fields match anything. */
  public record Filter(String correlationId, String type, Instant from, Instant to) {}

  static final int CAPACITY = 50_000;
  static final long FLUSH_MILLIS = 200;
  private static final int BATCH = 1_000;

  /**
   * 7 attempts, 100 ms to 3.2 s apart (6.3 s in all): longer than a pool takes to replace
   * connections the database ended.
   */
  static final int WRITE_ATTEMPTS = 7;

  private static final long WRITE_PAUSE_MILLIS = 100;
  private static final System.Logger LOG = System.getLogger(EventLog.class.getName());

  @Inject EventLogStore store;

  @Inject AfterCommit afterCommit;

  @Inject MetricRegistry registry;

  @Resource ManagedScheduledExecutorService scheduler;

  private final BlockingQueue<MessageRecord> pending = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();

  /** The first pause between attempts; doubles after each. */
  long writePauseMillis = WRITE_PAUSE_MILLIS;

  private final DelayedRun flushing = new DelayedRun(this::flush, FLUSH_MILLIS);

  @PostConstruct
  void start() {
    registry.counter(
        RefineryMetric.MONITORING_DROPPED.metadata()); // on /metrics from the start, at 0
    flushing.runOn(scheduler);
  }

  @PreDestroy
  void stop() {
    flushing.cancel();
    flush();
  }

  /** Keeps the line once the current transaction commits (at once outside one). */
  void afterCommit(MessageRecord line) {
    afterCommit.run(() -> now(line));
  }

  /** Keeps the line whatever becomes of the current transaction. */
  void now(MessageRecord line) {
    if (pending.offer(line)) {
      flushing.request();
    } else {
      drop(1, "the buffer is full");
    }
  }

  /**
   * The lines about one task, oldest first: every command and event of its workflow and how each
   * ended.
   */
  public List<MessageRecord> history(String correlationId) {
    return store.find(new Filter(correlationId, null, null, null), Integer.MAX_VALUE);
  }

  public List<MessageRecord> find(Filter filter, int limit) {
    return store.find(filter, limit);
  }

  /**
   * Writes what is waiting; what the scheduled flush does, and what tests call to read their own
   * lines at once.
   */
  public void flush() {
    List<MessageRecord> batch = new ArrayList<>(BATCH);
    while (pending.drainTo(batch, BATCH) > 0) {
      write(batch);
      batch.clear();
    }
  }

  private void write(List<MessageRecord> batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        store.append(batch);
        return;
      } catch (RuntimeException e) {
        if (attempt == WRITE_ATTEMPTS) {
          drop(batch.size(), e.toString());
          return;
        }
        LOG.log(
            Level.DEBUG,
            "Writing {0} event log line(s) failed (attempt {1}), trying again: {2}",
            batch.size(),
            attempt,
            e);
        try {
          Thread.sleep(writePauseMillis << (attempt - 1));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          drop(batch.size(), "interrupted while writing");
          return;
        }
      }
    }
  }

  private void drop(int lines, String why) {
    registry.counter(RefineryMetric.MONITORING_DROPPED.metadata()).inc(lines);
    if (dropped.getAndAdd(lines) % 1_000 == 0) { // one log line per thousand, not a storm
      LOG.log(Level.WARNING, "Could not keep {0} event log line(s): {1}", lines, why);
    }
  }
}
