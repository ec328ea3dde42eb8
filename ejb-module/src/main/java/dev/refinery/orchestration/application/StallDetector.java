package dev.refinery.orchestration.application;

import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWorks;
import dev.refinery.shared.infrastructure.concurrent.WorkerThreads;
import dev.refinery.shared.monitoring.MachineStalls;
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
 * The detector (ADR-006, event monitoring): each cycle sends the heartbeat, raises and clears the
 * stalled-workflow and machinery alerts, and takes the service-level steps that are due. Woken by
 * its timer; several instances may run it at once (every step is idempotent across instances).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StallDetector {

  private static final System.Logger LOG = System.getLogger(StallDetector.class.getName());

  @Inject StalledWorkflows workflows;

  @Inject ServiceLevels serviceLevels;

  @Inject MachineStalls machine;

  @Inject Heartbeats heartbeats;

  @Resource(lookup = WorkerThreads.NAME)
  ManagedExecutorService executor;

  @Inject PeriodicWorks periodic;

  @Inject
  @ConfigProperty(name = "refinery.monitoring.interval")
  Duration interval;

  private PeriodicWork detecting;

  @PostConstruct
  void start() {
    detecting =
        periodic.add(new PeriodicWork("detector", "Stall detection", interval, this::detectNow));
    detecting.runOn(executor);
  }

  /** The timer's tick: a cycle every {@code refinery.monitoring.interval}. */
  public void tick() {
    detecting.tick();
  }

  public void wake() {
    detecting.wake();
  }

  public void pause() {
    detecting.pause();
  }

  public void resume() {
    detecting.resume();
  }

  public boolean paused() {
    return detecting.paused();
  }

  /** One cycle on the caller's thread; a step that fails is logged and the others still run. */
  public void detectNow() {
    step("heartbeat", heartbeats::send);
    step("stalled workflows", workflows::detect);
    step("machinery", machine::detect);
    step("service levels", serviceLevels::advance);
  }

  private static void step(String name, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Stall detection step \"" + name + "\" failed; the next cycle tries again",
          e);
    }
  }
}
