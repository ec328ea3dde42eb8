package dev.refinery.orchestration.application;

import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWorks;
import dev.refinery.shared.infrastructure.concurrent.WorkerThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Task Scanning Service (ADR-006): moves workflows on from Orchestration's own view. A new
 * task's validation is asked for when its TaskCreated is recorded; the scanner is the safety net
 * for the tasks created while it was paused, run by its timer and at once when resumed. Several
 * instances may scan at once, safely. It takes no part in its callers' transactions (asking whether
 * it is paused from a transaction marked for rollback must still answer).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskScanningService {

  private static final System.Logger LOG = System.getLogger(TaskScanningService.class.getName());

  @Inject WorkflowScans scans;

  @Resource(lookup = WorkerThreads.NAME)
  ManagedExecutorService executor;

  @Inject PeriodicWorks periodic;

  @Inject
  @ConfigProperty(name = "refinery.scanner.interval")
  Duration interval;

  private PeriodicWork scanning;

  @PostConstruct
  void start() {
    scanning = periodic.add(new PeriodicWork("scanner", "Task scanning", interval, this::scanAll));
    scanning.runOn(executor);
  }

  /** The timer's tick: wakes the scanner every {@code refinery.scanner.interval}. */
  public void tick() {
    scanning.tick();
  }

  public void wake() {
    scanning.wake();
  }

  public void pause() {
    scanning.pause();
  }

  /** Runs again, and scans at once for the tasks created while it was paused. */
  public void resume() {
    scanning.resume();
    scanning.wake();
  }

  public boolean paused() {
    return scanning.paused();
  }

  /** One full scan on the caller's thread: how many steps it took. */
  public int scanNow() {
    int started = drain(scans::startNewTasks);
    if (started > 0) {
      LOG.log(Level.DEBUG, "Scan: validation asked for {0} tasks", started);
    }
    return started;
  }

  private void scanAll() {
    scanNow();
  }

  private static int drain(java.util.function.IntSupplier sweep) {
    int total = 0;
    int done;
    do {
      done = sweep.getAsInt();
      total += done;
    } while (done == WorkflowScans.BATCH);
    return total;
  }
}
