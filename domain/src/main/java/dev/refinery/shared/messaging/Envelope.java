package dev.refinery.shared.messaging;

/** A decoded message with its headers, as a subscriber's callback receives it. */
public record Envelope<T extends Message>(Headers headers, T payload) {

  /**
   * The same envelope typed as what its payload is, checked: a payload of another type is refused
   * with a {@link ClassCastException} naming both.
   */
  public <U extends Message> Envelope<U> as(Class<U> type) {
    return new Envelope<>(headers, type.cast(payload));
  }
}
