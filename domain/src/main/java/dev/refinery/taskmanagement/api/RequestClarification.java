package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** The agent needs answers before it can write the PRD: round n of at most a few. */
@WireName("taskmanagement.RequestClarification")
public record RequestClarification(String taskId, int round, java.util.List<Question> questions)
    implements TaskCommand {}
