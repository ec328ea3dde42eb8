package dev.refinery.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.jms.client.message.RMQBytesMessage;
import com.rabbitmq.jms.client.message.RMQTextMessage;
import org.junit.jupiter.api.Test;

class WirePropertiesTest {

  private final WireProperties wire = new WireProperties();

  @Test
  void ourPropertiesBecomeAmqpPropertiesAndTheRestPlainHeaders() throws Exception {
    RMQTextMessage message = new RMQTextMessage();
    message.setText("{\"taskId\":\"t-1\"}");
    message.setStringProperty("messageId", "7b0f4a4e-0000-4000-8000-000000000001");
    message.setStringProperty("contentType", "application/json");
    message.setStringProperty("appId", "refinery");
    message.setStringProperty("type", "taskmanagement.TaskCreated");
    message.setIntProperty("attempt", 2);
    message.setJMSTimestamp(1_700_000_000_000L);

    AMQP.BasicProperties properties =
        wire.apply(
                new AMQP.BasicProperties.Builder().contentType("application/octet-stream"), message)
            .build();

    assertThat(properties.getMessageId()).isEqualTo("7b0f4a4e-0000-4000-8000-000000000001");
    assertThat(properties.getContentType()).isEqualTo("application/json");
    assertThat(properties.getAppId()).isEqualTo("refinery");
    assertThat(properties.getType()).isEqualTo("taskmanagement.TaskCreated");
    assertThat(properties.getTimestamp().getTime()).isEqualTo(1_700_000_000_000L);
    assertThat(properties.getHeaders())
        .containsEntry("type", "taskmanagement.TaskCreated")
        .containsEntry("attempt", 2)
        .doesNotContainKeys("messageId", "contentType", "appId", "JMSType", "JMSMessageID");
  }

  @Test
  void aPlainJmsTextMessageKeepsItsTextTypeForJmsReceivers() throws Exception {
    RMQTextMessage text = new RMQTextMessage();
    text.setText("hello");
    text.setStringProperty("behaviour", "ok");
    assertThat(wire.apply(new AMQP.BasicProperties.Builder(), text).build().getHeaders())
        .containsEntry("JMSType", "TextMessage")
        .containsEntry("behaviour", "ok");

    RMQBytesMessage bytes = new RMQBytesMessage();
    assertThat(wire.apply(new AMQP.BasicProperties.Builder(), bytes).build().getHeaders())
        .isEmpty();
  }
}
