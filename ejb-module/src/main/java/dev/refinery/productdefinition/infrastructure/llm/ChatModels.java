package dev.refinery.productdefinition.infrastructure.llm;

import static dev.langchain4j.model.chat.Capability.RESPONSE_FORMAT_JSON_SCHEMA;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;

/**
 * Builds the LangChain4j chat model the settings describe. Its own retries are off: Refinery's
 * backoff (the work queue's retry delays) and dead letters are the only retries. The API key goes
 * in a header computed for each request.
 */
final class ChatModels {

  private ChatModels() {}

  static ChatModel create(LlmSettings settings) {
    return switch (settings.provider()) {
      case LlmSettings.OLLAMA -> {
        var builder =
            OllamaChatModel.builder()
                .baseUrl(settings.baseUrl())
                .modelName(settings.model())
                .temperature(settings.temperature())
                .numPredict(settings.maxTokens())
                .timeout(settings.timeout())
                .customHeaders(() -> authorization(settings))
                .maxRetries(0);
        if (settings.jsonSchema()) {
          builder.supportedCapabilities(RESPONSE_FORMAT_JSON_SCHEMA);
        }
        yield builder.build();
      }
      default -> {
        var builder =
            OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .modelName(settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(settings.timeout())
                .customHeaders(() -> authorization(settings))
                .maxRetries(0);
        if (settings.jsonSchema()) {
          builder.supportedCapabilities(RESPONSE_FORMAT_JSON_SCHEMA);
        }
        yield builder.build();
      }
    };
  }

  /** The bearer header, from the key as it is now (it may have been rotated since start-up). */
  private static Map<String, String> authorization(LlmSettings settings) {
    return settings
        .apiKey()
        .get()
        .map(key -> Map.of("Authorization", "Bearer " + key))
        .orElse(Map.of());
  }
}
