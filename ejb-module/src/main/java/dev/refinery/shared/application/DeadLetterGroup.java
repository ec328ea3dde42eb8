package dev.refinery.shared.application;

import java.io.Serializable;
import java.time.Instant;

/**
 * Open dead letters of one kind, as operators clear them: one message type failing with one
 * exception class; the newest one's reason as the example.
 */
public record DeadLetterGroup(
    String type, String exceptionClass, long count, Instant oldest, Instant newest, String example)
    implements Serializable {

  /** The group's dead letters, as a filter. */
  public DeadLetterFilter filter() {
    return new DeadLetterFilter(type, exceptionClass, null, null, null);
  }
}
