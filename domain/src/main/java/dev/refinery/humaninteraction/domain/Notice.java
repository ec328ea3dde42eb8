package dev.refinery.humaninteraction.domain;

import java.util.UUID;

/**
 * A notification to add to an inbox: one per recipient, task, kind and step (a repeat adds
 * nothing).
 *
 * @param step the clarification round or PRD revision it is about
 */
public record Notice(
    String recipient, UUID taskId, String kind, int step, String subject, String body) {}
