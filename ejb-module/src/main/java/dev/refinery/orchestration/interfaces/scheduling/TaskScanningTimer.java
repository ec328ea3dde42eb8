package dev.refinery.orchestration.interfaces.scheduling;

import dev.refinery.orchestration.application.TaskScanningService;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Ticks the scanner each second; it wakes every {@code refinery.scanner.interval}, behind the wake
 * every event gives it.
 */
@Singleton
public class TaskScanningTimer {

  @Inject TaskScanningService scanner;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "task scanning")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    scanner.tick();
  }
}
