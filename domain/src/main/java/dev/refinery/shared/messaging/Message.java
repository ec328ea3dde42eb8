package dev.refinery.shared.messaging;

/**
 * A command or an event: a record of ids and values in a context's {@code api} package, serialized
 * as JSON. Never an entity, never Java serialization.
 */
public interface Message {

  /** What the message is about, usually the task id; every message of one workflow shares it. */
  String correlationId();
}
