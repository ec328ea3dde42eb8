package dev.refinery.shared.messaging;

/** A decoded message with its headers, as a subscriber's callback receives it. */
public record Envelope<T extends Message>(Headers headers, T payload) {}
