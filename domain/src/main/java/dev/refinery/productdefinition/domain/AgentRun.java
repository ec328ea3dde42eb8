package dev.refinery.productdefinition.domain;

/**
 * One call of an agent: which agent and model, the prompt version, tokens in and out, how long it
 * took and what it cost. The offline agent fills in its own name and zeros.
 */
public record AgentRun(
    String agent,
    String model,
    String promptVersion,
    int tokensIn,
    int tokensOut,
    long latencyMillis,
    double costUsd) {}
