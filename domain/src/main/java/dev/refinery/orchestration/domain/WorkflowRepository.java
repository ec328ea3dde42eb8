package dev.refinery.orchestration.domain;

import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where Orchestration keeps its view of the workflows, in the caller's transaction. Implemented in
 * the EJB module.
 */
public interface WorkflowRepository {

  /** Adds a new workflow; false when the task has one already (its TaskCreated came again). */
  boolean add(Workflow workflow);

  /** The task's workflow, locked until the caller's transaction ends. */
  Optional<Workflow> lock(UUID task);

  void save(Workflow workflow);

  /**
   * Up to {@code limit} workflows whose start nobody asked for, the most urgent and oldest first;
   * locked, skipping those another transaction holds.
   */
  List<Workflow> lockAwaitingStart(int limit);

  /**
   * Up to {@code limit} workflows in {@code status} since before {@code before}, the longest
   * waiting first.
   */
  List<Workflow> inStatusSince(TaskStatus status, Instant before, int limit);

  /** How many workflows are in each status, and since when the longest has been. */
  Map<TaskStatus, StatusCount> countByStatus();

  /**
   * @param oldest when the workflow longest in the status entered it
   */
  record StatusCount(long count, Instant oldest) {}
}
