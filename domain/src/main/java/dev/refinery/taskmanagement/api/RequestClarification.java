package dev.refinery.taskmanagement.api;

/** The agent needs answers before it can write the PRD: round n of at most a few. */
public record RequestClarification(String taskId, int round, java.util.List<Question> questions) implements TaskCommand {}
