package dev.refinery.humaninteraction.api;

import java.time.Instant;
import java.util.UUID;

/** A message in a person's (or a role's) inbox. */
public record Notification(
    UUID id,
    String recipient,
    UUID taskId,
    String kind,
    int step,
    String subject,
    String body,
    Instant createdAt,
    Instant readAt) {}
