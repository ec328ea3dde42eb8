package dev.refinery.shared.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * Something an operator should look at: a condition (its key: at most one open alert per
 * condition), a kind, what is wrong in a sentence, and the task and message it concerns, where
 * there is one; once an operator took it on, who, when and their note.
 */
public record Alert(
    String condition,
    String kind,
    String summary,
    String taskId,
    UUID messageId,
    Instant raisedAt,
    Instant clearedAt,
    Acknowledgement acknowledged) {

  /** The most characters an acknowledgement's note has. */
  public static final int NOTE_MAX = 1000;

  /** An operator's "I am on it": who, when, and what they are doing. */
  public record Acknowledgement(String by, Instant at, String note) {}

  /** An alert nobody acknowledged yet. */
  public Alert(
      String condition,
      String kind,
      String summary,
      String taskId,
      UUID messageId,
      Instant raisedAt,
      Instant clearedAt) {
    this(condition, kind, summary, taskId, messageId, raisedAt, clearedAt, null);
  }

  /** A condition seen now, to raise if it is not raised already. */
  public static Alert of(
      String condition, String kind, String summary, String taskId, UUID messageId) {
    return new Alert(condition, kind, summary, taskId, messageId, null, null);
  }

  public boolean open() {
    return clearedAt == null;
  }
}
