package dev.refinery.shared.messaging;

/**
 * The {@code type} header of a message class: its {@link WireName}, e.g. {@code
 * taskmanagement.TaskCreated}.
 */
public final class MessageType {

  private MessageType() {}

  public static String of(Class<? extends Message> type) {
    WireName name = type.getAnnotation(WireName.class);
    if (name == null) {
      throw new IllegalArgumentException(
          type.getName() + " has no @WireName: every message type names itself on the wire");
    }
    return name.value();
  }
}
