package dev.refinery.shared.messaging;

/** Something that happened, in the past tense; every subscribing context receives its own copy. */
public interface DomainEvent extends Message {}
