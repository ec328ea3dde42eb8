package dev.refinery.shared.application;

import static dev.refinery.shared.testing.Callers.ADMIN;
import static dev.refinery.shared.testing.Callers.NOT_OPERATORS;
import static dev.refinery.shared.testing.Callers.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.testing.RecordingAuditTrail;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An operator's pause, resume and run-now of background work: done, and audited with who; refused
 * to anyone else.
 */
class BackgroundWorkTest {

  private final PeriodicWork detector =
      new PeriodicWork("detector", "Stall detection", Duration.ofSeconds(30), () -> {});
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final BackgroundWork work = BackgroundWorkHarness.over(audit, detector);

  BackgroundWorkTest() {
    detector.runOn(Runnable::run); // a wake runs the work at once, so a test counts the runs
  }

  @Test
  void pausingAndResumingChangeTheWorkAndAreAudited() {
    work.pause("detector", OPERATOR);

    assertThat(work.all())
        .singleElement()
        .satisfies(
            state -> {
              assertThat(state.paused()).isTrue();
              assertThat(state.intervalSeconds()).isEqualTo(30);
            });

    work.resume("detector", OPERATOR);

    assertThat(detector.paused()).isFalse();
    assertThat(audit.entries())
        .containsExactly(
            "opal WORK_PAUSED detector: on this instance",
            "opal WORK_RESUMED detector: on this instance");
  }

  @Test
  void unknownWorkIsRefusedByNameAndNothingIsAudited() {
    assertThatThrownBy(() -> work.runNow("nothing", OPERATOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no background work named nothing");
    assertThat(audit.entries()).isEmpty();
  }

  @Test
  void anAdminRunsWorkNowAndIsNamedInTheAuditTrail() {
    work.runNow("detector", ADMIN);

    assertThat(detector.runs()).isEqualTo(1);
    assertThat(audit.entries()).containsExactly("ada WORK_RUN_NOW detector: on this instance");
  }

  @Test
  void whoIsNeitherOperatorNorAdminIsRefusedByNameAndTheWorkRunsOn() {
    for (Caller refused : NOT_OPERATORS) {
      String needs = ": it needs the role OPERATOR";
      assertThatThrownBy(() -> work.pause("detector", refused))
          .isInstanceOf(NotPermittedException.class)
          .hasMessage(refused.name() + " may not pause background work" + needs);
      assertThatThrownBy(() -> work.resume("detector", refused))
          .isInstanceOf(NotPermittedException.class)
          .hasMessage(refused.name() + " may not resume background work" + needs);
      assertThatThrownBy(() -> work.runNow("detector", refused))
          .isInstanceOf(NotPermittedException.class)
          .hasMessage(refused.name() + " may not run background work now" + needs);
    }

    assertThat(detector.paused()).isFalse();
    assertThat(detector.runs()).as("neither run now nor woken by a resume").isZero();
    assertThat(audit.entries()).isEmpty();
  }
}
