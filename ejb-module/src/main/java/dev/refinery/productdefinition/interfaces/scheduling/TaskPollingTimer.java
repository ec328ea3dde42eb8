package dev.refinery.productdefinition.interfaces.scheduling;

import dev.refinery.productdefinition.application.TaskPollingService;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Ticks the poller each second; it polls every {@code refinery.poller.interval}: retries whose
 * delay ran out, leases that expired.
 */
@Singleton
public class TaskPollingTimer {

  @Inject TaskPollingService poller;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "task polling")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    poller.tick();
  }
}
