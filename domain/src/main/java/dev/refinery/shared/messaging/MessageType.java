package dev.refinery.shared.messaging;

/** The {@code type} header of a message class: {@code <context>.<RecordName>}, e.g. {@code taskmanagement.TaskCreated}. */
public final class MessageType {

  private MessageType() {}

  public static String of(Class<? extends Message> type) {
    return BoundedContext.owning(type).segment() + "." + type.getSimpleName();
  }
}
