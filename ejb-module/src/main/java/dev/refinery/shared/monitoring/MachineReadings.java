package dev.refinery.shared.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What monitoring reads of the messaging machinery's tables (outbox, dead letters, event log,
 * alerts): the detector's evidence and the operators' gauges.
 */
public interface MachineReadings {

  /** Outbox rows written before a moment: how many, the oldest's time, the first one's message. */
  record Backlog(long count, Instant oldest, UUID firstMessageId) {}

  /** The open dead letters: how many, and the newest one's message, type and task. */
  record DeadLetterBacklog(
      long count, UUID newestMessageId, String newestType, String newestTask) {}

  /** One message type's consumptions over a window: all of them, and those that failed. */
  record Consumptions(String type, long total, long failed) {}

  /** The figures the gauges show, read together. */
  record Figures(long outboxBacklog, long outboxOldestSeconds, long deadLetters, long openAlerts) {}

  Backlog outboxWrittenBefore(Instant before);

  DeadLetterBacklog openDeadLetters();

  /** The message id of the newest heartbeat published before the moment, if any. */
  Optional<UUID> heartbeatPublishedBefore(Instant before);

  /** The contexts (segments) whose consumption of the message the event log records. */
  Set<String> consumersOf(UUID messageId);

  /**
   * Each message type's consumptions since the moment (ignored deliveries left out), for types with
   * at least {@code minimum} of them.
   */
  List<Consumptions> consumptionsSince(Instant since, int minimum);

  /** Consumptions in the last minute, by message type. */
  Map<String, Long> consumedLastMinute();

  Figures figures();
}
