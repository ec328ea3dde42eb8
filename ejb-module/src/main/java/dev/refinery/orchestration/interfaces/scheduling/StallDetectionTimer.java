package dev.refinery.orchestration.interfaces.scheduling;

import dev.refinery.orchestration.application.StallDetector;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Ticks the stall detector each second; it runs every {@code refinery.monitoring.interval}. */
@Singleton
public class StallDetectionTimer {

  @Inject StallDetector detector;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "stall detection")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    detector.tick();
  }
}
