package dev.refinery.orchestration.application;

import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWorks;
import dev.refinery.shared.infrastructure.concurrent.WorkerThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Task Scanning Service (ADR-006): moves workflows on from Orchestration's own view. Woken by every
 * relevant event and by its timer (the safety net); several instances may scan at once, safely.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
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

  public void resume() {
    scanning.resume();
  }

  public boolean paused() {
    return scanning.paused();
  }

  /** One full scan on the caller's thread: how many steps it took. */
  public int scanNow() {
    int started = drain(scans::startNewTasks);
    int asked = drain(scans::notifyRequesters);
    int reviewed = drain(scans::notifyApprovers);
    if (started + asked + reviewed > 0) {
      LOG.log(Level.DEBUG, "Scan: {0} started, {1} requesters and {2} approver groups notified", started, asked, reviewed);
    }
    return started + asked + reviewed;
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
