package dev.refinery.orchestration.api;

import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.WireName;
import java.time.Instant;
import java.util.UUID;

/**
 * Something needs an operator: a workflow stalled past its threshold, the outbox or a queue stuck,
 * dead letters waiting, errors above their rate. Raised once per condition until {@link
 * AlertCleared}.
 *
 * @param condition the alert's key, e.g. {@code stalled:<task>} or {@code dead-letters}
 * @param taskId the task concerned, or null
 * @param messageId the message concerned, or null
 */
@WireName("orchestration.AlertRaised")
public record AlertRaised(
    String condition, String kind, String summary, String taskId, UUID messageId, Instant raisedAt)
    implements DomainEvent {

  @Override
  public String correlationId() {
    return taskId != null ? taskId : condition;
  }
}
