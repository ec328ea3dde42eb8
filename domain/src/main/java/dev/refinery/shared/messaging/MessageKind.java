package dev.refinery.shared.messaging;

public enum MessageKind {
  EVENT,
  COMMAND;

  public static MessageKind of(Message message) {
    return message instanceof Command ? COMMAND : EVENT;
  }
}
