package dev.refinery.shared.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.BackgroundWorkHarness;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.testing.RecordingAuditTrail;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JMX handle on a periodic work acts through the operators' boundary: pausing over JMX is
 * audited, as the JMX caller, like pausing in the console.
 */
class SchedulingControlsTest {

  private static final String JMX = "jmx:" + System.getProperty("user.name");

  private final PeriodicWork poller =
      new PeriodicWork("poller", "Task polling", Duration.ofSeconds(5), () -> {});
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final SchedulingControls controls = new SchedulingControls();

  SchedulingControlsTest() {
    poller.runOn(Runnable::run);
    controls.background = BackgroundWorkHarness.over(audit, poller);
  }

  @Test
  void theJmxCallerIsAnOperatorNamedByTheServersUserWithoutAConnectorPrincipal() {
    assertThat(JmxCaller.caller()).isEqualTo(new Caller(JMX, Set.of(Role.OPERATOR)));
  }

  @Test
  void pauseResumeAndRunNowOverJmxAreDoneAndAuditedAsTheJmxCaller() {
    SchedulingControls.SchedulingMXBean handle = controls.handle(poller);

    handle.pause();
    assertThat(handle.isPaused()).isTrue();
    handle.resume();
    handle.runNow();

    assertThat(handle.isPaused()).isFalse();
    assertThat(poller.runs()).as("woken by the resume, then run now").isEqualTo(2);
    assertThat(audit.entries())
        .containsExactly(
            JMX + " WORK_PAUSED poller: on this instance",
            JMX + " WORK_RESUMED poller: on this instance",
            JMX + " WORK_RUN_NOW poller: on this instance");
  }
}
