package dev.refinery.shared.interfaces.scheduling;

import dev.refinery.shared.infrastructure.messaging.MessagingSettings;
import dev.refinery.shared.infrastructure.messaging.outbox.OutboxRelay;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Sweeps the outbox every {@code refinery.outbox.sweep-interval}: a programmatic timer, since the
 * interval is configured (an {@code @Schedule} cannot read configuration).
 */
@Singleton
@Startup
public class OutboxSweepTimer {

  @Resource TimerService timers;

  @Inject OutboxRelay relay;

  @Inject MessagingSettings settings;

  @PostConstruct
  void start() {
    long interval = settings.sweepInterval().toMillis();
    timers.createIntervalTimer(interval, interval, new TimerConfig("outbox sweep", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    relay.sweep();
  }
}
