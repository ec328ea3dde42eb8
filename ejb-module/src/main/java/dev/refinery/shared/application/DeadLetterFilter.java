package dev.refinery.shared.application;

import java.time.Instant;

/**
 * Which open dead letters an operator means: by message type, exception class, task, and when they
 * last failed ({@code from} inclusive, {@code to} exclusive); each part null for any.
 */
public record DeadLetterFilter(
    String type, String exceptionClass, String taskId, Instant from, Instant to) {

  public static final DeadLetterFilter ANY = new DeadLetterFilter(null, null, null, null, null);
}
