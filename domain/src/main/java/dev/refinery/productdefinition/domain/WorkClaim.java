package dev.refinery.productdefinition.domain;

import dev.refinery.taskmanagement.api.Priority;
import java.util.UUID;

/**
 * A work item leased to an agent: what the agent needs, and the fencing token its result must
 * carry.
 *
 * @param reclaimed the item was RUNNING under a lease that ran out (its holder died or hung)
 */
public record WorkClaim(
    UUID taskId,
    long token,
    int attempt,
    WorkItem.Request request,
    int round,
    int revision,
    boolean reclaimed) {

  public String title() {
    return request.title();
  }

  public String description() {
    return request.description();
  }

  public String requester() {
    return request.requester();
  }

  public Priority priority() {
    return request.priority();
  }
}
