package dev.refinery.shared.infrastructure.messaging.jms;

import dev.refinery.shared.infrastructure.messaging.MalformedMessageException;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
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

/**
 * Our messages as JMS messages on AMQP-mode destinations, which the resource adapter turns into the
 * wire format {@code docs/wire-format.md} describes: the JSON body as it is, the message id and
 * task id as the AMQP {@code message_id} and {@code correlation_id}, everything else as plain
 * headers.
 */
final class JmsMessages {

  /**
   * Becomes the AMQP {@code message_id} (the resource adapter moves it there); read back as the
   * JMSMessageID.
   */
  static final String MESSAGE_ID = "messageId";

  /** Become the AMQP {@code content_type} and {@code app_id}. */
  static final String CONTENT_TYPE = "contentType";

  static final String APP_ID = "appId";
  static final String JSON = "application/json";
  static final String TYPE = "type";
  static final String KIND = "kind";
  static final String SOURCE = "source";
  static final String CAUSATION_ID = "causationId";
  static final String OCCURRED_AT = "occurredAt";
  static final String ATTEMPT = "attempt";
  static final String ROUTING_KEY = "routingKey";
  static final String FIRST_FAILURE_AT = "firstFailureAt";
  static final String LAST_ERROR = "lastError";

  /** Marks a body that was not UTF-8 text, kept as Base64. */
  static final String BASE64 = "base64:";

  private JmsMessages() {}

  static TextMessage write(Session session, RawMessage message) throws JMSException {
    Headers headers = message.headers();
    TextMessage jms = session.createTextMessage(message.body());
    jms.setJMSCorrelationID(headers.correlationId());
    jms.setStringProperty(MESSAGE_ID, headers.messageId().toString());
    jms.setStringProperty(CONTENT_TYPE, JSON);
    jms.setStringProperty(APP_ID, "refinery");
    jms.setStringProperty(TYPE, headers.type());
    jms.setStringProperty(KIND, headers.kind().name().toLowerCase(java.util.Locale.ROOT));
    jms.setStringProperty(SOURCE, headers.source().segment());
    jms.setStringProperty(OCCURRED_AT, headers.occurredAt().toString());
    jms.setIntProperty(ATTEMPT, headers.attempt());
    setIfPresent(jms, CAUSATION_ID, headers.causationId());
    setIfPresent(jms, ROUTING_KEY, headers.routingKey());
    setIfPresent(jms, FIRST_FAILURE_AT, message.firstFailureAt());
    setIfPresent(jms, LAST_ERROR, message.lastError());
    return jms;
  }

  /**
   * Reads a delivery, whoever published it: the body must be text (JSON is checked when it is
   * decoded for its type), {@code message_id} a UUID, the {@code type} header present; the other
   * headers may be left out (source: the type's context; occurred-at: now; attempt: 1; kind:
   * command). Anything else is malformed, with a reason that says what is wrong.
   */
  static RawMessage read(Message jms, Instant now) {
    String field = "message_id";
    try {
      UUID messageId = UUID.fromString(required(jms.getJMSMessageID(), "message_id"));
      field = "type header";
      String type = required(jms.getStringProperty(TYPE), TYPE);
      field = "kind header";
      String kind = jms.getStringProperty(KIND);
      field = "source header";
      String source = jms.getStringProperty(SOURCE);
      field = "causationId header";
      UUID causation = uuid(jms.getStringProperty(CAUSATION_ID));
      field = "occurredAt header";
      String occurredAt = jms.getStringProperty(OCCURRED_AT);
      field = "attempt header";
      String attempt = jms.getStringProperty(ATTEMPT);
      field = "firstFailureAt header";
      String firstFailure = jms.getStringProperty(FIRST_FAILURE_AT);
      field = "body";
      String body = body(jms);
      Headers headers =
          new Headers(
              messageId,
              type,
              kind == null
                  ? MessageKind.COMMAND
                  : MessageKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
              jms.getJMSCorrelationID(),
              causation,
              source == null ? BoundedContext.ofType(type) : BoundedContext.ofSegment(source),
              occurredAt == null ? now : Instant.parse(occurredAt),
              attempt == null ? 1 : Integer.parseInt(attempt),
              jms.getStringProperty(ROUTING_KEY));
      return new RawMessage(
          headers,
          body,
          firstFailure == null ? null : Instant.parse(firstFailure),
          jms.getStringProperty(LAST_ERROR));
    } catch (JMSException | IllegalArgumentException | DateTimeParseException e) {
      throw new MalformedMessageException(
          "unreadable message " + jmsId(jms) + ": bad " + field + ": " + e.getMessage(), e);
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
    UUID id;
    try {
      id = UUID.fromString(jms.getJMSMessageID());
    } catch (JMSException | RuntimeException e) {
      id = UUID.randomUUID();
    }
    Headers headers =
        new Headers(
            id,
            stringOr(jms, TYPE, "unknown"),
            MessageKind.COMMAND,
            correlationOr(jms),
            null,
            receiver,
            Instant.now(),
            1,
            null);
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
      return text(content);
    }
    throw new IllegalArgumentException(
        "expected a text or bytes body, got " + jms.getClass().getSimpleName());
  }

  /**
   * The body as text when it is UTF-8 (JSON always is); otherwise, so that it can still be kept and
   * shown as a dead letter as it came, {@value #BASE64} and its Base64.
   */
  static String text(byte[] content) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(content))
              .toString();
      if (text.indexOf('\u0000') < 0) {
        return text;
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      // not text: kept as Base64 below
    }
    return BASE64 + java.util.Base64.getEncoder().encodeToString(content);
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing " + name);
    }
    return value;
  }

  private static void setIfPresent(Message jms, String property, Object value) throws JMSException {
    if (value != null) {
      jms.setStringProperty(property, value.toString());
    }
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

  private static String correlationOr(Message jms) {
    try {
      return jms.getJMSCorrelationID();
    } catch (JMSException | RuntimeException e) {
      return null;
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
