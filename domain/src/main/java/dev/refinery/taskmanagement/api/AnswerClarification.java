package dev.refinery.taskmanagement.api;

/** The requester's answers to a round of questions. */
public record AnswerClarification(String taskId, int round, java.util.List<Answer> answers, boolean recommendationsAccepted, String by) implements TaskCommand {}
