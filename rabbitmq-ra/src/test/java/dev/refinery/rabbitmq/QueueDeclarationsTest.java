package dev.refinery.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueDeclarationsTest {

  private final QueueDeclarations declarations = new QueueDeclarations(7, "refinery.dlq");

  @Test
  void contextQueueIsQuorumWithDeliveryLimitDeadLetteringAtLeastOnce() {
    assertThat(declarations.argumentsFor("refinery.orchestration"))
        .isEqualTo(
            Map.of(
                "x-queue-type", "quorum",
                "x-delivery-limit", 7,
                "x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", "refinery.dlq",
                "x-dead-letter-strategy", "at-least-once",
                "x-overflow", "reject-publish"));
  }

  @Test
  void aGivenGroupSizeReplicatesEveryQueueOverThatManyNodes() {
    QueueDeclarations cluster = new QueueDeclarations(7, "refinery.dlq", 3);
    for (String name :
        new String[] {
          "refinery.orchestration", "refinery.dlq", "refinery.orchestration.delay.20"
        }) {
      assertThat(cluster.argumentsFor(name))
          .as(name)
          .containsEntry("x-queue-type", "quorum")
          .containsEntry("x-quorum-initial-group-size", 3);
    }
    assertThat(QueueDeclarations.quorum(3)).containsEntry("x-quorum-initial-group-size", 3);
    assertThat(declarations.argumentsFor("refinery.orchestration"))
        .as("no group size given: the broker's default, and no argument an existing queue lacks")
        .doesNotContainKey("x-quorum-initial-group-size");
    assertThatThrownBy(() -> new QueueDeclarations(7, "refinery.dlq", 0))
        .hasMessageContaining("quorumGroupSize must be at least 1");
  }

  @Test
  void deadLetterQueueIsPlainQuorumSoNothingLoopsBack() {
    assertThat(declarations.argumentsFor("refinery.dlq"))
        .isEqualTo(Map.of("x-queue-type", "quorum"));
  }

  @Test
  void delayQueueExpiresItsMessagesBackIntoTheirOrigin() {
    assertThat(declarations.argumentsFor("refinery.orchestration.delay.1500"))
        .containsEntry("x-message-ttl", 1500L)
        .containsEntry("x-dead-letter-exchange", "")
        .containsEntry("x-dead-letter-routing-key", "refinery.orchestration")
        .containsEntry("x-queue-type", "quorum")
        .doesNotContainKey("x-delivery-limit");
  }

  @Test
  void namesThatOnlyLookLikeDelayQueuesAreOrdinaryQueues() {
    for (String name : new String[] {"a.delay.", "a.delay.soon", ".delay.5", "delay.5"}) {
      assertThat(declarations.argumentsFor(name)).as(name).containsEntry("x-delivery-limit", 7);
    }
  }

  @Test
  void sameNameAlwaysGetsTheSameDeclaration() {
    assertThat(declarations.argumentsFor("refinery.humaninteraction"))
        .isEqualTo(
            new QueueDeclarations(7, "refinery.dlq").argumentsFor("refinery.humaninteraction"));
  }

  @Test
  void aQueueIsAnAmqpModeDestinationTheClientNeverDeclaresOrDeserializes() {
    RabbitQueue queue = declarations.queue("refinery.humaninteraction");
    assertThat(queue.isAmqp()).isTrue();
    assertThat(queue.getAmqpExchangeName()).isEmpty();
    assertThat(queue.getAmqpRoutingKey()).isEqualTo("refinery.humaninteraction");
    assertThat(queue.getAmqpQueueName()).isEqualTo("refinery.humaninteraction");

    RabbitQueue adminObject = new RabbitQueue();
    adminObject.setDestinationName("refinery.orchestration");
    assertThat(adminObject.isAmqp()).isTrue();
    assertThat(adminObject.getAmqpQueueName()).isEqualTo("refinery.orchestration");
  }

  @Test
  void aTopicNamesAnExchangeAndARoutingKey() throws Exception {
    RabbitTopic topic = RabbitTopic.of("refinery.events/taskmanagement.TaskCreated");
    assertThat(topic.isAmqp()).isTrue();
    assertThat(topic.exchange()).isEqualTo("refinery.events");
    assertThat(topic.routingKey()).isEqualTo("taskmanagement.TaskCreated");
    for (String name : new String[] {"refinery.events", "/key", "exchange/", ""}) {
      assertThatThrownBy(() -> RabbitTopic.of(name))
          .as(name)
          .hasMessageContaining("a topic is named <exchange>/<routing key>");
    }
  }

  @Test
  void everyExchangeParksWhatNoBindingMatchesInTheUnroutedQueue() {
    assertThat(declarations.unroutedQueue()).isEqualTo("refinery.unrouted");
    assertThat(new QueueDeclarations(7, "refinery.dlq", "elsewhere", null).unroutedQueue())
        .isEqualTo("elsewhere");
  }

  @Test
  void deliveryLimitMustAllowOneDelivery() {
    assertThatThrownBy(() -> new QueueDeclarations(0, "refinery.dlq"))
        .hasMessage("deliveryLimit must be at least 1, not 0");
  }
}
