package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** The requester answered round {@code round}; the task is back with the agents. */
@WireName("taskmanagement.ClarificationAnswered")
public record ClarificationAnswered(
    String taskId,
    TaskStatus status,
    int round,
    int revision,
    java.util.List<Answer> answers,
    boolean recommendationsAccepted,
    String by,
    String assignedPool)
    implements TaskEvent {}
