package dev.refinery.shared.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWorks;
import dev.refinery.shared.testing.RecordingAuditTrail;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An operator's pause, resume and run-now of background work: done, and audited with who. */
class BackgroundWorkTest {

  private final PeriodicWork detector =
      new PeriodicWork("detector", "Stall detection", Duration.ofSeconds(30), () -> {});
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final BackgroundWork work = new BackgroundWork();

  BackgroundWorkTest() {
    work.audit = audit;
    work.works =
        new PeriodicWorks() {
          @Override
          public List<PeriodicWork> all() {
            return List.of(detector);
          }
        };
  }

  @Test
  void pausingAndResumingChangeTheWorkAndAreAudited() {
    work.pause("detector", "opal");

    assertThat(work.all())
        .singleElement()
        .satisfies(
            state -> {
              assertThat(state.paused()).isTrue();
              assertThat(state.intervalSeconds()).isEqualTo(30);
            });

    work.resume("detector", "opal");

    assertThat(detector.paused()).isFalse();
    assertThat(audit.entries())
        .containsExactly(
            "opal WORK_PAUSED detector: on this instance",
            "opal WORK_RESUMED detector: on this instance");
  }

  @Test
  void unknownWorkIsRefusedByNameAndNothingIsAudited() {
    assertThatThrownBy(() -> work.runNow("nothing", "opal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no background work named nothing");
    assertThat(audit.entries()).isEmpty();
  }
}
