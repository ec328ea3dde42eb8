package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.Message;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/** Message records to JSON and back, with JSON-B. */
public final class MessageCodec {

  private static final Jsonb JSONB = JsonbBuilder.create();

  public String encode(Message message) {
    return JSONB.toJson(message);
  }

  public <T extends Message> T decode(String json, Class<T> type) {
    T decoded;
    try {
      decoded = JSONB.fromJson(json, type);
    } catch (JsonbException e) {
      throw new MalformedMessageException(
          "not a " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
    if (decoded == null) {
      throw new MalformedMessageException("empty body for " + type.getSimpleName(), null);
    }
    return decoded;
  }
}
