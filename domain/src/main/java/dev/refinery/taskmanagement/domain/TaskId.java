package dev.refinery.taskmanagement.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a task; also the correlation id of every message about it. */
public record TaskId(UUID value) {

  public TaskId {
    Objects.requireNonNull(value, "value");
  }

  public static TaskId random() {
    return new TaskId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
