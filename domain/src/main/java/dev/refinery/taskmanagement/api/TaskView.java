package dev.refinery.taskmanagement.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A task as Task Management shows it to the API, the console and other contexts. */
public record TaskView(
    UUID id,
    String title,
    String description,
    String requester,
    Priority priority,
    TaskStatus status,
    String assignedPool,
    int clarificationRound,
    int prdRevision,
    int attempts,
    String failureReason,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Serializable {}
