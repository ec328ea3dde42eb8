package dev.refinery.shared.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.orchestration.api.Heartbeat;
import dev.refinery.shared.infrastructure.messaging.Monitored;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.MessageType;
import java.time.Duration;
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

  @Test
  void aPublishCallWithoutItsPublicationIsRefusedLoudlyNotGuessed() {
    MessageMonitor monitor = new MessageMonitor();

    assertThatThrownBy(
            () ->
                monitor.completed(
                    Monitored.Call.PUBLISH,
                    new Object[] {"not a publication"},
                    null,
                    Duration.ZERO))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@Monitored(PUBLISH) call takes one Publication.Outgoing");
  }

  @Test
  void aConsumeCallThatReturnsNoOutcomeIsRefusedLoudly() {
    MessageMonitor monitor = new MessageMonitor();

    assertThatThrownBy(
            () ->
                monitor.completed(
                    Monitored.Call.CONSUME,
                    new Object[] {BoundedContext.ORCHESTRATION, "delivery"},
                    "done",
                    Duration.ZERO))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not what it consumed");
  }

  @Test
  void aCallThatDeclaresNothingRecordsNothing() {
    // no event log, no registry: any recording would throw
    MessageMonitor monitor = new MessageMonitor();

    assertThatCode(
            () -> {
              monitor.completed(Monitored.Call.NONE, new Object[] {"x"}, "x", Duration.ZERO);
              monitor.failed(
                  Monitored.Call.NONE,
                  new Object[0],
                  new IllegalStateException("x"),
                  Duration.ZERO);
            })
        .doesNotThrowAnyException();
  }
}
