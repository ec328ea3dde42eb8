package dev.refinery.rabbitmq.it;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Holds each message for 400 ms, counting how many it holds at once: maxSessions 8. */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "rabbitmq-ra"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = "ra-it.concurrency"),
      @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "8")
    })
public class ConcurrencyConsumer implements MessageListener {

  @Override
  public void onMessage(Message message) {
    Observations.enter();
    try {
      Thread.sleep(400);
      Observations.seen(
          message.getStringProperty("id"), message.getIntProperty("JMSXDeliveryCount"), true);
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      Observations.leave();
    }
  }
}
