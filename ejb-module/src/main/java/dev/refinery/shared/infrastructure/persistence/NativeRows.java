package dev.refinery.shared.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reading the columns of a native query's rows, whose Java types depend on the driver and the
 * column.
 */
public final class NativeRows {

  private NativeRows() {}

  /** A {@code timestamp} or {@code timestamptz} column as an instant; null stays null. */
  public static Instant instant(Object value) {
    return switch (value) {
      case null -> null;
      case Timestamp timestamp -> timestamp.toInstant();
      case OffsetDateTime offset -> offset.toInstant();
      case Instant instant -> instant;
      default ->
          throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
    };
  }
}
