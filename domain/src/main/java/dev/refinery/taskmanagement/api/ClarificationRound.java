package dev.refinery.taskmanagement.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One round of questions and, once given, the requester's answers. */
public record ClarificationRound(
    int round,
    List<Question> questions,
    List<Answer> answers,
    boolean recommendationsAccepted,
    String answeredBy,
    Instant askedAt,
    Instant answeredAt)
    implements Serializable {}
