package dev.refinery.productdefinition.api;

import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.WireName;

/**
 * An alert: an agent run on the task failed. {@code last} says it was the final attempt (retries
 * exhausted, or an error retrying cannot fix) and the task is being failed.
 */
@WireName("productdefinition.AgentRunFailed")
public record AgentRunFailed(
    String taskId, int attempt, String agent, String reason, boolean retryable, boolean last)
    implements DomainEvent {

  @Override
  public String correlationId() {
    return taskId;
  }
}
