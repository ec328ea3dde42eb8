package dev.refinery.humaninteraction.api;

import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.WireName;

/** Tell the requester the agent has questions (round {@code round}); sent once per round. */
@WireName("humaninteraction.NotifyRequester")
public record NotifyRequester(String taskId, int round, String requester, String title)
    implements Command {

  @Override
  public String correlationId() {
    return taskId;
  }
}
