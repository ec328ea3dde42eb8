package dev.refinery.taskmanagement.interfaces.messaging;

import dev.refinery.shared.infrastructure.messaging.jms.JmsInbound;
import dev.refinery.shared.messaging.BoundedContext;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Consumes queue {@code refinery.taskmanagement}: the commands and events it is bound to (its
 * subscriptions).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = "${MPCONFIG=refinery.messaging.resource-adapter}"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = "refinery.taskmanagement"),
      @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "4")
    })
public class TaskManagementConsumer implements MessageListener {

  @Inject JmsInbound inbound;

  @Override
  public void onMessage(Message message) {
    inbound.consume(BoundedContext.TASK_MANAGEMENT, message);
  }
}
