package dev.refinery.shared.interfaces.messaging;

import dev.refinery.shared.infrastructure.messaging.jms.BrokerDeadLetters;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Consumes {@code refinery.dlq}, where RabbitMQ puts a message that exceeded its queue's delivery
 * limit (it kept crashing its consumer), and keeps it with the other dead letters. Consuming also
 * declares the queue, so the broker never drops a dead letter for want of it.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = "${MPCONFIG=refinery.messaging.resource-adapter}"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = "refinery.dlq")
    })
public class DeadLetterQueueConsumer implements MessageListener {

  @Inject BrokerDeadLetters deadLetters;

  @Override
  public void onMessage(Message message) {
    deadLetters.keep(message);
  }
}
