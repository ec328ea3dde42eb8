package dev.refinery.orchestration.application;

import dev.refinery.orchestration.api.AlertCleared;
import dev.refinery.orchestration.api.AlertRaised;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.AlertChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Every alert raised or cleared, whoever saw it, goes out as Orchestration's AlertRaised /
 * AlertCleared event.
 */
@ApplicationScoped
public class AlertEvents {

  @Inject MessageQueue queue;

  void publish(@Observes AlertChanged change) {
    Alert alert = change.alert();
    if (change.raised()) {
      queue.publishEvent(
          new AlertRaised(
              alert.condition(),
              alert.kind(),
              alert.summary(),
              alert.taskId(),
              alert.messageId(),
              alert.raisedAt()));
    } else {
      queue.publishEvent(
          new AlertCleared(alert.condition(), alert.kind(), alert.taskId(), alert.clearedAt()));
    }
  }
}
