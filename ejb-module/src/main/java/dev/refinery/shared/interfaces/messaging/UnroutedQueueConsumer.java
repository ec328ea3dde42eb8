package dev.refinery.shared.interfaces.messaging;

import dev.refinery.shared.infrastructure.messaging.jms.BrokerDeadLetters;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Consumes {@code refinery.unrouted}, where the exchanges' alternate exchange parks a message no
 * queue is bound to (a command or event type no context subscribes to, e.g. published by another
 * AMQP client), and keeps it with the other dead letters, so it is seen, counted and alerted on
 * instead of lost.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = "${MPCONFIG=refinery.messaging.resource-adapter}"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = "refinery.unrouted")
    })
public class UnroutedQueueConsumer implements MessageListener {

  @Inject BrokerDeadLetters deadLetters;

  @Override
  public void onMessage(Message message) {
    deadLetters.keepUnrouted(message);
  }
}
