package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** The agent asked the requester questions: round {@code round}. */
@WireName("taskmanagement.ClarificationRequested")
public record ClarificationRequested(
    String taskId, TaskStatus status, int round, int revision, java.util.List<Question> questions)
    implements TaskEvent {}
