package dev.refinery.humaninteraction.api;

import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.WireName;

/**
 * A step of the service-level ladder for a task waiting on people: a REMINDER to whoever it waits
 * on, an ESCALATION to another role. Sent once per step and episode (the round or revision waited
 * on).
 */
@WireName("humaninteraction.Remind")
public record Remind(
    String taskId, String recipient, String step, String waitingFor, int episode, String title)
    implements Command {

  @Override
  public String correlationId() {
    return taskId;
  }
}
