package dev.refinery.rabbitmq;

import com.rabbitmq.client.AMQP;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The AMQP properties and headers of a message sent in the JMS client's AMQP mode, so that a plain
 * AMQP client reads it as naturally as it would write it:
 *
 * <ul>
 *   <li>the JMS properties {@value #MESSAGE_ID}, {@value #CONTENT_TYPE} and {@value #APP_ID} become
 *       the AMQP properties {@code message_id}, {@code content_type} and {@code app_id} (a
 *       receiving JMS client reads {@code message_id} as the JMSMessageID);
 *   <li>{@value #TYPE} stays a header (JMS clients read only headers) and is also the {@code type}
 *       property; the JMS correlation id is {@code correlation_id}; the send time is {@code
 *       timestamp};
 *   <li>every other JMS property is a header of the same name; the JMS client's own bookkeeping
 *       headers ({@code JMSMessageID}, {@code JMSTimestamp}, ...) are left out, except {@code
 *       JMSType: TextMessage} on a text message without a content type, so a JMS receiver gets its
 *       text back.
 * </ul>
 */
final class WireProperties
    implements BiFunction<AMQP.BasicProperties.Builder, Message, AMQP.BasicProperties.Builder> {

  static final String MESSAGE_ID = "messageId";
  static final String CONTENT_TYPE = "contentType";
  static final String APP_ID = "appId";
  static final String TYPE = "type";

  @Override
  public AMQP.BasicProperties.Builder apply(
      AMQP.BasicProperties.Builder properties, Message message) {
    try {
      Map<String, Object> headers = new HashMap<>();
      boolean typedContent = false;
      for (Object property : Collections.list(message.getPropertyNames())) {
        String name = property.toString();
        Object value = message.getObjectProperty(name);
        if (value == null) {
          continue;
        }
        switch (name) {
          case MESSAGE_ID -> properties.messageId(value.toString());
          case APP_ID -> properties.appId(value.toString());
          case CONTENT_TYPE -> {
            properties.contentType(value.toString());
            typedContent = true;
          }
          default -> {
            if (name.equals(TYPE)) {
              properties.type(value.toString());
            }
            if (!name.startsWith("JMS")) {
              headers.put(name, value);
            }
          }
        }
      }
      if (message instanceof TextMessage && !typedContent) {
        headers.put("JMSType", "TextMessage");
      }
      if (message.getJMSTimestamp() > 0) {
        properties.timestamp(new Date(message.getJMSTimestamp()));
      }
      return properties.headers(headers);
    } catch (JMSException e) {
      throw new IllegalStateException(
          "Cannot read the properties of the message being sent: " + e.getMessage(), e);
    }
  }
}
