package dev.refinery.shared.messaging;

/** An instruction to the context that owns the command's package: imperative name, one receiver. */
public interface Command extends Message {}
