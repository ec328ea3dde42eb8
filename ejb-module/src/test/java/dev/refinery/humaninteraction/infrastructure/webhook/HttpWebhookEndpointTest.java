package dev.refinery.humaninteraction.infrastructure.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HttpWebhookEndpointTest {

  @Test
  void theSignatureCoversTheTimestampAndTheBody() throws Exception {
    // given a body posted at two times
    String body = "{\"taskId\":\"t-1\"}";
    // when it is signed
    String first = HttpWebhookEndpoint.sign("s3cret", "1700000000", body);
    String later = HttpWebhookEndpoint.sign("s3cret", "1700000300", body);
    // then a receiver computes the same HMAC of "<timestamp>.<body>", and a replay at another time
    // differs
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal(("1700000000." + body).getBytes(StandardCharsets.UTF_8)));
    assertThat(first).isEqualTo(expected);
    assertThat(later).isNotEqualTo(first);
  }
}
