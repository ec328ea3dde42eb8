package dev.refinery.shared.application;

import dev.refinery.shared.application.RetentionStore.Table;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWorks;
import dev.refinery.shared.infrastructure.concurrent.WorkerThreads;
import dev.refinery.shared.infrastructure.management.RefineryMetric;
import dev.refinery.shared.infrastructure.messaging.MessagingSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Keeps the tables that grow with every workflow bounded: every {@code refinery.retention.interval}
 * it deletes event log lines older than {@code refinery.retention.event-log}, inbox rows older than
 * {@code .inbox} and exported audit entries older than {@code .audit} (an unset age keeps a table
 * whole), in batches of {@code .batch-size} with a pause between them, off the hot path, then
 * vacuums each table it deleted from (so the space is reused even where autovacuum is off or lags,
 * as on this project's CI machine, whose PostgreSQL runs with {@code autovacuum = off}). Operators
 * see it, pause it and run it now as the background work {@code retention}.
 *
 * <p>An inbox row is what tells a redelivered message from a new one, so it is kept at least as
 * long as a message can still come back: the early-event horizon plus every retry delay.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

  private static final System.Logger LOG = System.getLogger(Retention.class.getName());

  /** The most batches one table gets per run: the rest waits for the next run. */
  static final int MAX_BATCHES = 200;

  /** The pause between two batches of one table, so the hot path's transactions go first. */
  static final Duration PAUSE = Duration.ofMillis(20);

  @Inject RetentionStore store;

  @Inject MessagingSettings messaging;

  @Inject Config config;

  @Inject Clock clock;

  @Inject MetricRegistry registry;

  @Inject PeriodicWorks periodic;

  @Resource(lookup = WorkerThreads.NAME)
  ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "refinery.retention.interval")
  Duration interval;

  @Inject
  @ConfigProperty(name = "refinery.retention.batch-size")
  int batchSize;

  private PeriodicWork pruning;

  private RetentionPolicy policy;

  @PostConstruct
  void start() {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "refinery.retention.batch-size must be at least 1, not " + batchSize);
    }
    policy = RetentionPolicy.from(config, redeliveryWindow());
    policy
        .raisedInbox()
        .ifPresent(
            configured ->
                LOG.log(
                    Level.WARNING,
                    "refinery.retention.inbox={0} is shorter than a message can still be"
                        + " redelivered (the early-event horizon and the retry delays); inbox rows"
                        + " are kept {1}",
                    configured,
                    policy.ages().get(Table.INBOX).orElseThrow()));
    policy
        .ages()
        .forEach(
            (table, age) ->
                LOG.log(
                    Level.INFO,
                    "Retention: {0} keeps {1}",
                    table.label(),
                    age.map(Retention::readable).orElse("every row")));
    pruning = periodic.add(new PeriodicWork("retention", "Retention", interval, this::pruneNow));
    pruning.runOn(executor);
  }

  /** The timer's tick: a run every {@code refinery.retention.interval}. */
  public void tick() {
    pruning.tick();
  }

  /** One run on the caller's thread: how many rows each pruned table lost. */
  public Map<Table, Long> pruneNow() {
    Map<Table, Long> deleted = new EnumMap<>(Table.class);
    policy
        .cutoffs(clock.instant())
        .forEach(
            (table, before) -> {
              long total = pruned(store, table, before, batchSize, PAUSE);
              deleted.put(table, total);
              if (total > 0) {
                vacuumed(table);
                registry
                    .counter(
                        RefineryMetric.RETENTION_DELETED.metadata(),
                        new Tag("table", table.label()))
                    .inc(total);
                LOG.log(
                    Level.INFO,
                    "Retention: deleted {0} rows of {1} older than {2}",
                    total,
                    table.label(),
                    before);
              }
            });
    vacuumOverdue(store);
    return deleted;
  }

  /**
   * In place of the server's autovacuum when it is off: vacuums the tables of Refinery's schemas it
   * would take now (the work queue and the outbox above all, updated on every workflow); the tables
   * it vacuumed. One that fails does not stop the others.
   */
  static List<String> vacuumOverdue(RetentionStore store) {
    List<String> overdue;
    try {
      overdue = store.overdueForVacuum();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Retention: could not read which tables need a vacuum: " + e);
      return List.of();
    }
    List<String> vacuumed = new ArrayList<>();
    for (String table : overdue) {
      long started = System.nanoTime();
      try {
        store.vacuum(table);
        LOG.log(
            Level.INFO,
            "Retention: PostgreSQL''s autovacuum is off; vacuumed {0} in its place in {1} ms",
            table,
            (System.nanoTime() - started) / 1_000_000);
        vacuumed.add(table);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Retention: could not vacuum " + table + ": " + e.getMessage());
      }
    }
    return vacuumed;
  }

  /** {@code P30D} rather than {@code PT720H}, as operators write it. */
  static String readable(Duration age) {
    return age.toSeconds() % 86_400 == 0 ? "P" + age.toDays() + "D" : age.toString();
  }

  private void vacuumed(Table table) {
    long started = System.nanoTime();
    try {
      store.vacuum(table);
      LOG.log(
          Level.DEBUG,
          "Retention: vacuumed {0} in {1} ms",
          table.label(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Retention: could not vacuum "
              + table.label()
              + " (its deleted rows' space is reused once autovacuum gets to it): "
              + e.getMessage());
    }
  }

  /** The longest a message can take to come back after it was first handled. */
  private Duration redeliveryWindow() {
    Duration window = messaging.earlyEventHorizon();
    for (Duration delay : messaging.retryPolicy().delays()) {
      window = window.plus(delay);
    }
    return window;
  }

  /**
   * Deletes {@code table}'s rows older than {@code before}, batch by batch, until a batch comes
   * back short or {@link #MAX_BATCHES} ran; a failure ends the table's turn (the next run tries
   * again). How many rows went.
   */
  static long pruned(
      RetentionStore store, Table table, Instant before, int batchSize, Duration pause) {
    long total = 0;
    try {
      for (int batch = 0; batch < MAX_BATCHES; batch++) {
        int deleted = store.prune(table, before, batchSize);
        total += deleted;
        if (deleted < batchSize) {
          break;
        }
        Thread.sleep(pause);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Retention: pruning "
              + table.label()
              + " failed after "
              + total
              + " rows; the next run"
              + " tries again",
          e);
    }
    return total;
  }
}
