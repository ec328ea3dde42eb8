package dev.refinery.taskmanagement.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One transition in a task's history: the event, the states, who, and the message that caused it.
 */
public record HistoryEntry(
    String event,
    TaskStatus from,
    TaskStatus to,
    int round,
    int revision,
    String actor,
    String detail,
    UUID causedBy,
    Instant at) {}
