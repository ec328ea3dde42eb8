package dev.refinery.shared.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Down when JVM threads are deadlocked: the one state a restart fixes and waiting does not. */
@Liveness
@ApplicationScoped
public class DeadlockLiveness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
    return HealthCheckResponse.named("threads")
        .status(deadlocked == null)
        .withData("deadlocked", deadlocked == null ? 0 : deadlocked.length)
        .build();
  }
}
