package dev.refinery.shared.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * Something an operator should look at: a condition (its key: at most one open alert per
 * condition), a kind, what is wrong in a sentence, and the task and message it concerns, where
 * there is one.
 */
public record Alert(
    String condition,
    String kind,
    String summary,
    String taskId,
    UUID messageId,
    Instant raisedAt,
    Instant clearedAt) {

  /** A condition seen now, to raise if it is not raised already. */
  public static Alert of(
      String condition, String kind, String summary, String taskId, UUID messageId) {
    return new Alert(condition, kind, summary, taskId, messageId, null, null);
  }

  public boolean open() {
    return clearedAt == null;
  }
}
