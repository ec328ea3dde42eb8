package dev.refinery.productdefinition.infrastructure.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

  @Test
  void costIsPricedPerMillionTokensEachWay() {
    LlmSettings settings = settings("openai", "gpt-x", "sk-secret");

    assertThat(settings.cost(1_000_000, 0)).isEqualTo(2.5);
    assertThat(settings.cost(1200, 800)).isEqualTo(0.011);
  }

  @Test
  void theApiKeyNeverShowsInTheDescription() {
    assertThat(settings("openai", "gpt-x", "sk-secret").toString())
        .doesNotContain("sk-secret")
        .contains("gpt-x");
  }

  @Test
  void unknownProviderIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> settings("gemini", "g", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refinery.agent.provider must be offline, openai or ollama, not 'gemini'");
  }

  @Test
  void anLlmAgentNeedsAModel() {
    assertThatThrownBy(() -> settings("ollama", " ", null))
        .hasMessageContaining("refinery.agent.llm.model is required");
  }

  private static LlmSettings settings(String provider, String model, String key) {
    return new LlmSettings(
        provider,
        "http://127.0.0.1:1/v1",
        model,
        () -> Optional.ofNullable(key),
        Duration.ofSeconds(5),
        0.2,
        1000,
        true,
        "product-manager-v2",
        new BigDecimal("2.50"),
        new BigDecimal("10.00"));
  }
}
