package dev.refinery.orchestration.api;

import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.WireName;
import java.time.Instant;

/** The condition behind an {@link AlertRaised} has ended. */
@WireName("orchestration.AlertCleared")
public record AlertCleared(String condition, String kind, String taskId, Instant clearedAt)
    implements DomainEvent {

  @Override
  public String correlationId() {
    return taskId != null ? taskId : condition;
  }
}
