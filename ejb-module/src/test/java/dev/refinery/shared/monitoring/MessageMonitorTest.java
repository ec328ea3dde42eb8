package dev.refinery.shared.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.orchestration.api.Heartbeat;
import dev.refinery.shared.messaging.MessageType;
import org.junit.jupiter.api.Test;

class MessageMonitorTest {

  /**
   * Shared code cannot name Orchestration's class, so it names the type: the two must stay the
   * same.
   */
  @Test
  void theHeartbeatTypeMonitoringLogsIsOrchestrationsHeartbeat() {
    assertThat(MessageMonitor.HEARTBEAT)
        .isEqualTo(MessageType.of(Heartbeat.class))
        .isEqualTo(Heartbeat.TYPE);
  }
}
