package dev.refinery.serverconfig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RabbitCheckTest {

  @Test
  void brokerWithGoodCredentialsPasses() {
    assertThat(new RabbitCheck(TestSettings.with()).connect()).isEmpty();
  }

  @Test
  void wrongPasswordIsReportedWithTheVariablesToSet() {
    Settings settings = TestSettings.with("REFINERY_RABBITMQ_PASSWORD", "not-the-password");

    Problem problem = new RabbitCheck(settings).connect().orElseThrow();

    assertThat(problem.line())
        .isEqualTo(
            "refinery: RabbitMQ at 127.0.0.1:5672 refused user 'guest' (wrong user or password). "
                + "Set REFINERY_RABBITMQ_USER and REFINERY_RABBITMQ_PASSWORD");
  }

  @Test
  void missingVirtualHostIsReportedWithHowToCreateIt() {
    Settings settings = TestSettings.with("REFINERY_RABBITMQ_VHOST", "refinery-no-such-vhost");

    Problem problem = new RabbitCheck(settings).connect().orElseThrow();

    assertThat(problem.what()).contains("no virtual host 'refinery-no-such-vhost'");
    assertThat(problem.fix()).contains("rabbitmqctl add_vhost refinery-no-such-vhost");
  }

  @Test
  void brokerThatDoesNotAnswerIsReportedWithHowToStartIt() {
    int port = TestSettings.unusedPort();
    Settings settings = TestSettings.with("REFINERY_RABBITMQ_PORT", String.valueOf(port));

    Problem problem = new RabbitCheck(settings).connect().orElseThrow();

    assertThat(problem.line())
        .startsWith("refinery: RabbitMQ is not reachable at 127.0.0.1:" + port)
        .contains("rabbitmq-server -detached", "REFINERY_RABBITMQ_PORT");
  }
}
