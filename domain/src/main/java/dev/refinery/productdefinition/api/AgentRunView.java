package dev.refinery.productdefinition.api;

import java.math.BigDecimal;
import java.time.Instant;

/** One agent run on a task: what it used and cost, and how it ended. */
public record AgentRunView(
    int attempt,
    String agent,
    String model,
    String promptVersion,
    int tokensIn,
    int tokensOut,
    long latencyMillis,
    BigDecimal costUsd,
    String outcome,
    String error,
    Instant finishedAt) {}
