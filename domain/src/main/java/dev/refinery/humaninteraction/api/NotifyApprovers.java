package dev.refinery.humaninteraction.api;

import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.WireName;

/** Tell the approvers a PRD revision waits for them; sent once per revision. */
@WireName("humaninteraction.NotifyApprovers")
public record NotifyApprovers(String taskId, int revision, String requester, String title)
    implements Command {

  @Override
  public String correlationId() {
    return taskId;
  }
}
