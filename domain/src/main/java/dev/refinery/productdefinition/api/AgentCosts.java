package dev.refinery.productdefinition.api;

import java.math.BigDecimal;

/** What the agent runs on one task used and cost, summed over every run (failed ones too). */
public record AgentCosts(
    int runs, long tokensIn, long tokensOut, long latencyMillis, BigDecimal costUsd) {}
