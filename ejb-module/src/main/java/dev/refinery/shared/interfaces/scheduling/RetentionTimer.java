package dev.refinery.shared.interfaces.scheduling;

import dev.refinery.shared.application.Retention;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Ticks the retention job each second, like the other background work (readiness counts a work
 * silent for 10 s as a stopped scheduler); it runs every {@code refinery.retention.interval}.
 */
@Singleton
public class RetentionTimer {

  @Inject Retention retention;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "retention")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    retention.tick();
  }
}
