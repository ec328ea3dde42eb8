package dev.refinery.rabbitmq.it;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Does what each message's {@code behaviour} property says: {@code ok}; {@code throw:N} or {@code
 * rollback:N} (fail by exception, or by setRollbackOnly alone, on the first N deliveries); {@code
 * sleep:MS}.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "rabbitmq-ra"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = "ra-it.behaviour"),
      @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "2")
    })
public class BehaviourConsumer implements MessageListener {

  @Resource MessageDrivenContext context;

  @Override
  public void onMessage(Message message) {
    try {
      String id = message.getStringProperty("id");
      int delivery = message.getIntProperty("JMSXDeliveryCount");
      String[] behaviour = message.getStringProperty("behaviour").split(":");
      int value = behaviour.length > 1 ? Integer.parseInt(behaviour[1]) : 0;
      switch (behaviour[0]) {
        case "throw" -> {
          Observations.seen(id, delivery, delivery > value);
          if (delivery <= value) {
            throw new IllegalStateException(
                "failing delivery " + delivery + " of " + id + " on purpose");
          }
        }
        case "rollback" -> {
          Observations.seen(id, delivery, delivery > value);
          if (delivery <= value) {
            context.setRollbackOnly();
          }
        }
        case "sleep" -> {
          Thread.sleep(value);
          Observations.seen(id, delivery, true);
        }
        default -> Observations.seen(id, delivery, true);
      }
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
