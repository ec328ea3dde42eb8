package dev.refinery.productdefinition.domain;

import dev.refinery.taskmanagement.api.Priority;
import java.util.List;

/**
 * What the agent is asked to work on.
 *
 * @param round the clarification rounds already asked
 * @param maxRounds after this many rounds the agent must write the PRD, recording gaps as
 *     assumptions
 * @param revision the PRD revision to write (1 for the first)
 * @param rejections why earlier revisions were sent back, oldest first
 * @param previous the revision before, or null
 */
public record AgentRequest(
    String taskId,
    String title,
    String description,
    String requester,
    Priority priority,
    int round,
    int maxRounds,
    int revision,
    List<Clarification> clarifications,
    List<Rejection> rejections,
    Prd previous) {

  /** A question asked and, once answered, its answer as text. */
  public record Clarification(int round, String questionId, String question, String answer) {}

  /** An approver's reason for sending a revision back. */
  public record Rejection(int revision, String reason) {}

  public boolean mustWritePrd() {
    return round >= maxRounds;
  }
}
