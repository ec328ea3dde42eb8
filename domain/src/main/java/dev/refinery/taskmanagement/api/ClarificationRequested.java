package dev.refinery.taskmanagement.api;

/** The agent asked the requester questions: round {@code round}. */
public record ClarificationRequested(String taskId, TaskStatus status, int round, int revision, java.util.List<Question> questions) implements TaskEvent {}
