package dev.refinery.productdefinition.infrastructure.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.refinery.productdefinition.domain.AgentRun;
import java.util.Objects;

/**
 * What the calls of one run used so far: tokens, time, the model that answered; and what that cost.
 */
final class RunUsage {

  private final LlmSettings settings;
  private final String promptVersion;
  private String model;
  private int tokensIn;
  private int tokensOut;
  private long nanos;
  private int calls;

  RunUsage(LlmSettings settings, String promptVersion) {
    this.settings = settings;
    this.promptVersion = promptVersion;
    this.model = settings.model();
  }

  void answered(ChatResponse response, long startNanos) {
    nanos += System.nanoTime() - startNanos;
    calls++;
    model = Objects.requireNonNullElse(response.modelName(), model);
    TokenUsage tokens = response.tokenUsage();
    if (tokens != null) {
      tokensIn += Objects.requireNonNullElse(tokens.inputTokenCount(), 0);
      tokensOut += Objects.requireNonNullElse(tokens.outputTokenCount(), 0);
    }
  }

  void failedCall(long startNanos) {
    nanos += System.nanoTime() - startNanos;
    calls++;
  }

  AgentRun run() {
    return new AgentRun(
        settings.provider(),
        model,
        promptVersion,
        tokensIn,
        tokensOut,
        nanos / 1_000_000,
        settings.cost(tokensIn, tokensOut));
  }

  @Override
  public String toString() {
    return calls
        + (calls == 1 ? " call, " : " calls, ")
        + tokensIn
        + " tokens in, "
        + tokensOut
        + " out, "
        + nanos / 1_000_000
        + " ms";
  }
}
