package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Headers;
import dev.refinery.shared.messaging.MessageKind;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Our messages as JMS messages: the JSON body as text, each header as a string or int property. */
final class JmsMessages {

  static final String MESSAGE_ID = "refineryMessageId";
  static final String TYPE = "refineryType";
  static final String KIND = "refineryKind";
  static final String CORRELATION_ID = "refineryCorrelationId";
  static final String CAUSATION_ID = "refineryCausationId";
  static final String SOURCE = "refinerySource";
  static final String OCCURRED_AT = "refineryOccurredAt";
  static final String ATTEMPT = "refineryAttempt";
  static final String ROUTING_KEY = "refineryRoutingKey";
  static final String FIRST_FAILURE_AT = "refineryFirstFailureAt";
  static final String LAST_ERROR = "refineryLastError";

  private JmsMessages() {}

  static TextMessage write(Session session, RawMessage message) throws JMSException {
    Headers headers = message.headers();
    TextMessage jms = session.createTextMessage(message.body());
    jms.setJMSType(headers.type());
    jms.setJMSCorrelationID(headers.correlationId());
    jms.setStringProperty(MESSAGE_ID, headers.messageId().toString());
    jms.setStringProperty(TYPE, headers.type());
    jms.setStringProperty(KIND, headers.kind().name());
    jms.setStringProperty(CORRELATION_ID, headers.correlationId());
    jms.setStringProperty(CAUSATION_ID, headers.causationId() == null ? null : headers.causationId().toString());
    jms.setStringProperty(SOURCE, headers.source().name());
    jms.setStringProperty(OCCURRED_AT, headers.occurredAt().toString());
    jms.setIntProperty(ATTEMPT, headers.attempt());
    jms.setStringProperty(ROUTING_KEY, headers.routingKey());
    jms.setStringProperty(FIRST_FAILURE_AT, message.firstFailureAt() == null ? null : message.firstFailureAt().toString());
    jms.setStringProperty(LAST_ERROR, message.lastError());
    return jms;
  }

  /** Reads our headers; a message without them, or with unreadable ones, is malformed. */
  static RawMessage read(Message jms) {
    try {
      Headers headers = new Headers(
          UUID.fromString(required(jms, MESSAGE_ID)),
          required(jms, TYPE),
          MessageKind.valueOf(required(jms, KIND)),
          jms.getStringProperty(CORRELATION_ID),
          uuid(jms.getStringProperty(CAUSATION_ID)),
          BoundedContext.valueOf(required(jms, SOURCE)),
          Instant.parse(required(jms, OCCURRED_AT)),
          jms.propertyExists(ATTEMPT) ? jms.getIntProperty(ATTEMPT) : 1,
          jms.getStringProperty(ROUTING_KEY));
      String firstFailure = jms.getStringProperty(FIRST_FAILURE_AT);
      return new RawMessage(headers, body(jms), firstFailure == null ? null : Instant.parse(firstFailure),
          jms.getStringProperty(LAST_ERROR));
    } catch (JMSException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
      throw new MalformedMessageException("unreadable message " + jmsId(jms) + ": " + e.getMessage(), e);
    }
  }

  /** Headers for a message we cannot read, so it can still be kept among the dead letters. */
  static RawMessage unreadable(Message jms, BoundedContext receiver) {
    String body;
    try {
      body = body(jms);
    } catch (JMSException | RuntimeException e) {
      body = "";
    }
    Headers headers = new Headers(UUID.randomUUID(), stringOr(jms, TYPE, "unknown"), MessageKind.COMMAND,
        stringOr(jms, CORRELATION_ID, null), null, receiver, Instant.now(), 1, null);
    return new RawMessage(headers, body);
  }

  static void persistent(jakarta.jms.MessageProducer producer) throws JMSException {
    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
  }

  private static String body(Message jms) throws JMSException {
    if (jms instanceof TextMessage text) {
      return text.getText() == null ? "" : text.getText();
    }
    if (jms instanceof BytesMessage bytes) {
      byte[] content = new byte[(int) bytes.getBodyLength()];
      bytes.readBytes(content);
      return new String(content, StandardCharsets.UTF_8);
    }
    throw new IllegalArgumentException("expected a text message, got " + jms.getClass().getSimpleName());
  }

  private static String required(Message jms, String property) throws JMSException {
    String value = jms.getStringProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing property " + property);
    }
    return value;
  }

  private static UUID uuid(String value) {
    return value == null ? null : UUID.fromString(value);
  }

  private static String stringOr(Message jms, String property, String fallback) {
    try {
      String value = jms.getStringProperty(property);
      return value == null ? fallback : value;
    } catch (JMSException | RuntimeException e) {
      return fallback;
    }
  }

  static String jmsId(Message jms) {
    try {
      return jms.getJMSMessageID();
    } catch (JMSException e) {
      return "?";
    }
  }
}
