package dev.refinery.productdefinition.interfaces.scheduling;

import dev.refinery.productdefinition.application.TaskPollingService;
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
 * Wakes the poller every {@code refinery.poller.interval}: retries whose delay ran out, leases that
 * expired. The schedule ticks each second so the interval can come from configuration.
 */
@Singleton
public class TaskPollingTimer {

  @Inject TaskPollingService poller;

  @Inject
  @ConfigProperty(name = "refinery.poller.interval")
  Duration interval;

  private Cadence cadence;

  @PostConstruct
  void start() {
    cadence = new Cadence(interval);
  }

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "task polling")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    if (cadence.due()) {
      poller.wake();
    }
  }
}
