package dev.refinery.orchestration.domain;

import java.time.Instant;
import java.util.List;

/**
 * Which service-level steps were taken, so each is taken once per episode. Implemented in the EJB
 * module.
 */
public interface ServiceLevelSteps {

  /**
   * Up to {@code limit} workflows in the ladder's state since before {@code before} that have not
   * had {@code step} in their current episode, the longest waiting first; locked, skipping those
   * another transaction holds.
   */
  List<Workflow> lockDue(
      ServiceLevelLadder ladder, ServiceLevelStep step, Instant before, int limit);

  /** Records the step; false when it was taken already (by another instance). */
  boolean taken(Workflow workflow, ServiceLevelLadder ladder, ServiceLevelStep step, Instant at);
}
