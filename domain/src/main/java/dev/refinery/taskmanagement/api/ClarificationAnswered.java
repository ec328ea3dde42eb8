package dev.refinery.taskmanagement.api;

/** The requester answered round {@code round}; the task is back with the agents. */
public record ClarificationAnswered(String taskId, TaskStatus status, int round, int revision, java.util.List<Answer> answers, boolean recommendationsAccepted, String by, String assignedPool) implements TaskEvent {}
