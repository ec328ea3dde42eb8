package dev.refinery.shared.interfaces.health;

import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWorks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the EJB timers tick: the scanner, the poller and the detector are ticked every second, so
 * one silent for {@value #SILENT_SECONDS} s means the scheduler stopped. A paused one still ticks
 * (and says so).
 */
@Readiness
@ApplicationScoped
public class SchedulerReadiness implements HealthCheck {

  static final long SILENT_SECONDS = 10;

  @Inject PeriodicWorks periodic;

  @Override
  public HealthCheckResponse call() {
    List<PeriodicWork> works = periodic.all();
    var response = HealthCheckResponse.named("scheduler").up();
    boolean ticking = !works.isEmpty();
    Instant now = Instant.now();
    for (PeriodicWork work : works) {
      Instant last = work.lastTick();
      boolean alive = last != null && Duration.between(last, now).toSeconds() < SILENT_SECONDS;
      ticking &= alive;
      response.withData(
          work.key(),
          (alive ? "ticking" : "silent since " + last) + (work.paused() ? ", paused" : ""));
    }
    if (works.isEmpty()) {
      response.withData("timers", "not started yet");
    }
    return response.status(ticking).build();
  }
}
