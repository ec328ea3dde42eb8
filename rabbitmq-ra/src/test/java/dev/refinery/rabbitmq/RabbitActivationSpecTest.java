package dev.refinery.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

class RabbitActivationSpecTest {

  private final RabbitActivationSpec spec = new RabbitActivationSpec();

  @Test
  void queueNeedsOnlyADestination() throws InvalidPropertyException {
    spec.setDestination("refinery.orchestration");
    spec.validate();
    assertThat(spec.queueName()).isEqualTo("refinery.orchestration");
    assertThat(spec).hasToString("queue refinery.orchestration x1");
  }

  @Test
  void topicIsReadThroughItsSubscriptionQueue() throws InvalidPropertyException {
    spec.setDestination("refinery.events");
    spec.setDestinationType("jakarta.jms.Topic");
    spec.setSubscriptionName("refinery.orchestration");
    spec.setMaxSessions(4);
    spec.validate();
    assertThat(spec.queueName()).isEqualTo("refinery.orchestration");
  }

  @Test
  void missingDestinationIsRefused() {
    assertThatThrownBy(spec::validate).hasMessageContaining("set 'destination'");
  }

  @Test
  void topicWithoutSubscriptionIsRefused() {
    spec.setDestination("refinery.events");
    spec.setDestinationType("jakarta.jms.Topic");
    assertThatThrownBy(spec::validate).hasMessageContaining("'subscriptionName'");
  }

  @Test
  void unknownDestinationTypeIsRefused() {
    spec.setDestination("x");
    spec.setDestinationType("queue");
    assertThatThrownBy(spec::validate)
        .hasMessageContaining("destinationType must be jakarta.jms.Queue or jakarta.jms.Topic");
  }

  @Test
  void noSessionsIsRefused() {
    spec.setDestination("x");
    spec.setMaxSessions(0);
    assertThatThrownBy(spec::validate).hasMessage("maxSessions must be at least 1, not 0");
  }
}
