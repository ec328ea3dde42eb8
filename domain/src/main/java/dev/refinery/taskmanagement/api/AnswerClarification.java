package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** The requester's answers to a round of questions. */
@WireName("taskmanagement.AnswerClarification")
public record AnswerClarification(
    String taskId,
    int round,
    java.util.List<Answer> answers,
    boolean recommendationsAccepted,
    String by)
    implements TaskCommand {}
