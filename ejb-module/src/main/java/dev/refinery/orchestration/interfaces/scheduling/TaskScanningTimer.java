package dev.refinery.orchestration.interfaces.scheduling;

import dev.refinery.orchestration.application.TaskScanningService;
import dev.refinery.shared.infrastructure.concurrent.Cadence;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wakes the scanner every {@code refinery.scanner.interval}: the safety net behind the wake every event
 * gives it. The schedule ticks each second so the interval can come from configuration.
 */
@Singleton
public class TaskScanningTimer {

  @Inject TaskScanningService scanner;

  @Inject
  @ConfigProperty(name = "refinery.scanner.interval")
  Duration interval;

  private Cadence cadence;

  @PostConstruct
  void start() {
    cadence = new Cadence(interval);
  }

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "task scanning")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    if (cadence.due()) {
      scanner.wake();
    }
  }
}
