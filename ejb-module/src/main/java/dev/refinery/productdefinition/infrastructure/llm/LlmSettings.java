package dev.refinery.productdefinition.infrastructure.llm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;

/**
 * How to reach the model: provider ({@code openai} for any OpenAI-compatible server, or {@code
 * ollama}), base URL, model, API key, limits and prices (USD per million tokens). The key is looked
 * up for every call rather than fixed when the agent is built, and it never appears in {@link
 * #toString()} or in a log line.
 */
public record LlmSettings(
    String provider,
    String baseUrl,
    String model,
    Supplier<Optional<String>> apiKey,
    Duration timeout,
    double temperature,
    int maxTokens,
    boolean jsonSchema,
    String prompt,
    BigDecimal inputPricePerMillion,
    BigDecimal outputPricePerMillion) {

  public static final String OPENAI = "openai";
  public static final String OLLAMA = "ollama";

  public LlmSettings {
    if (!OPENAI.equals(provider) && !OLLAMA.equals(provider)) {
      throw new IllegalArgumentException(
          "refinery.agent.provider must be offline, openai or ollama, not '" + provider + "'");
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(
          "refinery.agent.llm.model is required for the " + provider + " agent");
    }
  }

  /** The settings under {@code refinery.agent.llm.*} for the given provider. */
  public static LlmSettings from(Config config, String provider) {
    String defaultUrl =
        OLLAMA.equals(provider) ? "http://127.0.0.1:11434" : "https://api.openai.com/v1";
    return new LlmSettings(
        provider,
        config.getOptionalValue("refinery.agent.llm.base-url", String.class).orElse(defaultUrl),
        config.getOptionalValue("refinery.agent.llm.model", String.class).orElse(null),
        () ->
            config
                .getOptionalValue("refinery.agent.llm.api-key", String.class)
                .filter(key -> !key.isBlank()),
        config.getValue("refinery.agent.llm.timeout", Duration.class),
        config.getValue("refinery.agent.llm.temperature", Double.class),
        config.getValue("refinery.agent.llm.max-tokens", Integer.class),
        config.getValue("refinery.agent.llm.json-schema", Boolean.class),
        config.getValue("refinery.agent.llm.prompt", String.class),
        config.getValue("refinery.agent.llm.price.input-per-million", BigDecimal.class),
        config.getValue("refinery.agent.llm.price.output-per-million", BigDecimal.class));
  }

  /** What the tokens of one call cost, in USD. */
  public double cost(int tokensIn, int tokensOut) {
    BigDecimal million = BigDecimal.valueOf(1_000_000);
    return inputPricePerMillion
        .multiply(BigDecimal.valueOf(tokensIn))
        .divide(million)
        .add(outputPricePerMillion.multiply(BigDecimal.valueOf(tokensOut)).divide(million))
        .doubleValue();
  }

  @Override
  public String toString() {
    // The key is not even looked up here: a first read before it exists would be cached by the
    // server.
    return provider
        + " model "
        + model
        + " at "
        + baseUrl
        + ", timeout "
        + timeout
        + ", prompt "
        + prompt;
  }
}
