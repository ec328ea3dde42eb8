package dev.refinery.humaninteraction.api;

import dev.refinery.shared.messaging.Command;

/** Tell the requester the agent has questions (round {@code round}); sent once per round. */
public record NotifyRequester(String taskId, int round, String requester, String title) implements Command {

  @Override
  public String correlationId() {
    return taskId;
  }
}
