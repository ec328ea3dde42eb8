package dev.refinery.taskmanagement.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Figures for the console's dashboard, from Task Management's own record of transitions: a read
 * model, answered by a query adapter in {@code infrastructure.persistence}.
 */
public interface WorkflowStatistics {

  /** How many of an event happened in the bucket starting at {@code start}. */
  record Bucket(Instant start, String event, long count) {}

  /** How long tasks stay in a state before the next transition, over the window. */
  record StepLatency(String state, double p50Seconds, double p90Seconds, long steps) {}

  /** A task waiting on a person (or an operator), and since when. */
  record Waiting(UUID taskId, String title, String status, String requester, Instant since) {}

  /** Submissions, PRDs written and approvals per bucket over the window, oldest bucket first. */
  List<Bucket> throughput(Duration window, Duration bucket);

  /**
   * The time spent in each state before leaving it, p50 and p90, over the transitions of the
   * window.
   */
  List<StepLatency> stepLatencies(Duration window);

  /**
   * Up to {@code limit} (1–100) tasks waiting for an answer, a review or an operator, the longest
   * waiting first.
   */
  List<Waiting> oldestWaiting(int limit);
}
