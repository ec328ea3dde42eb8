package dev.refinery.shared.messaging;

/**
 * Marks an exception whose cause will not go away by trying again (invalid input, an illegal state
 * transition): the message goes to the dead letters at once instead of being retried.
 */
public interface NonRetryable {}
