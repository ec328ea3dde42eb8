package dev.refinery.orchestration.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.orchestration.api.AlertCleared;
import dev.refinery.orchestration.api.AlertRaised;
import dev.refinery.orchestration.api.Heartbeat;
import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.AlertChanged;
import dev.refinery.shared.monitoring.MachineStalls;
import dev.refinery.shared.testing.RecordingMessageQueue;
import dev.refinery.shared.testing.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The detector's cycle and what it announces: every step runs even when one fails, the heartbeat
 * carries the clock's time, and each alert raised or cleared becomes an event on the queue.
 */
class DetectorCycleTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private final List<String> ran = new ArrayList<>();
  private final RecordingMessageQueue queue = new RecordingMessageQueue();
  private final StallDetector detector = new StallDetector();

  DetectorCycleTest() {
    Heartbeats heartbeats = new Heartbeats();
    heartbeats.queue = queue;
    heartbeats.clock = new SettableClock(NOW);
    detector.heartbeats = heartbeats;
    detector.workflows =
        new StalledWorkflows() {
          @Override
          public int detect() {
            ran.add("stalled workflows");
            throw new IllegalStateException("database went away");
          }
        };
    detector.machine =
        new MachineStalls() {
          @Override
          public void detect() {
            ran.add("machinery");
          }
        };
    detector.serviceLevels =
        new ServiceLevels() {
          @Override
          public int advance() {
            ran.add("service levels");
            return 0;
          }
        };
  }

  @Test
  void aStepThatFailsLeavesTheOthersToRunInTheSameCycle() {
    detector.detectNow();

    assertThat(ran).containsExactly("stalled workflows", "machinery", "service levels");
    assertThat(queue.published()).containsExactly(new Heartbeat(NOW));
  }

  @Test
  void anAlertRaisedOrClearedIsAnnouncedWithWhatOperatorsNeed() {
    AlertEvents events = new AlertEvents();
    events.queue = queue;
    UUID message = UUID.randomUUID();
    Alert raised = new Alert("stalled:t1", "STALLED", "t1 waits", "t1", message, NOW, null);

    events.publish(new AlertChanged(raised, true));
    events.publish(
        new AlertChanged(
            new Alert("stalled:t1", "STALLED", "t1 waits", "t1", message, NOW, NOW.plusSeconds(60)),
            false));

    assertThat(queue.published())
        .containsExactly(
            new AlertRaised("stalled:t1", "STALLED", "t1 waits", "t1", message, NOW),
            new AlertCleared("stalled:t1", "STALLED", "t1", NOW.plusSeconds(60)));
  }
}
