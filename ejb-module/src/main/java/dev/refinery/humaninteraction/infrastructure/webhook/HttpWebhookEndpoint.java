package dev.refinery.humaninteraction.infrastructure.webhook;

import dev.refinery.humaninteraction.domain.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts JSON to the webhook with the time of the post in {@code X-Refinery-Timestamp} (Unix
 * seconds) and HMAC-SHA256 of {@code <timestamp>.<body>} in {@code X-Refinery-Signature:
 * sha256=<hex>}, so a receiver that refuses old timestamps cannot be fed a captured post again.
 */
@ApplicationScoped
public class HttpWebhookEndpoint implements WebhookEndpoint {

  public static final String SIGNATURE_HEADER = "X-Refinery-Signature";
  public static final String TIMESTAMP_HEADER = "X-Refinery-Timestamp";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Clock clock = Clock.systemUTC();

  @Override
  public Optional<String> post(String url, String secret, String body) {
    try {
      String timestamp = Long.toString(clock.instant().getEpochSecond());
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header(TIMESTAMP_HEADER, timestamp)
              .header(SIGNATURE_HEADER, "sha256=" + sign(secret, timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2
          ? Optional.empty()
          : Optional.of("HTTP " + response.statusCode());
    } catch (IOException | IllegalArgumentException e) {
      return Optional.of(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /**
   * HMAC-SHA256 of {@code <timestamp>.<body>} with the secret, in hex: what a receiver computes to
   * check the signature header, after checking the timestamp is recent.
   */
  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
