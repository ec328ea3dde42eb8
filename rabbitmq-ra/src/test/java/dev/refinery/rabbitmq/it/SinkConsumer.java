package dev.refinery.rabbitmq.it;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Records whatever the producers' tests sent. */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "rabbitmq-ra"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = "ra-it.sink"),
      @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "2")
    })
public class SinkConsumer implements MessageListener {

  @Override
  public void onMessage(Message message) {
    try {
      Observations.seen(
          message.getStringProperty("id"), message.getIntProperty("JMSXDeliveryCount"), true);
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }
}
