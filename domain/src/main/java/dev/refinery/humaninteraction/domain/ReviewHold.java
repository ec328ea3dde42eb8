package dev.refinery.humaninteraction.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Who holds the review of a PRD revision: the approver who claimed it ({@code assignedBy} is the
 * holder), or the one someone assigned it to. It holds only the revision it was taken for.
 */
public record ReviewHold(
    UUID taskId, int revision, String holder, Instant since, String assignedBy) {

  public ReviewHold {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(assignedBy, "assignedBy");
  }

  /** Whether it holds the revision that waits now. */
  public boolean holds(int currentRevision) {
    return revision == currentRevision;
  }

  public boolean claimed() {
    return holder.equals(assignedBy);
  }
}
