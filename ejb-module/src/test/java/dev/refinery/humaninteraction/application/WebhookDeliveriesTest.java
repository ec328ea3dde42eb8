package dev.refinery.humaninteraction.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookDeliveriesTest {

  @Test
  void aWebhookWithoutASecretStaysOff() {
    // given a URL and no secret, or a blank one; when asked whether to post; then never unsigned
    assertThat(
            WebhookDeliveries.configured(
                Optional.of("https://hooks.example/refinery"), Optional.empty()))
        .isFalse();
    assertThat(
            WebhookDeliveries.configured(
                Optional.of("https://hooks.example/refinery"), Optional.of("  ")))
        .isFalse();
    assertThat(WebhookDeliveries.configured(Optional.empty(), Optional.of("s3cret"))).isFalse();
    assertThat(
            WebhookDeliveries.configured(
                Optional.of("https://hooks.example/refinery"), Optional.of("s3cret")))
        .isTrue();
  }
}
