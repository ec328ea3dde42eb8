package dev.refinery.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the adapter connects: one node, or every node of a cluster. */
class BrokerSettingsTest {

  @Test
  void withoutAddressesTheOneHostAndPort() {
    assertThat(BrokerSettings.nodes("", "rabbit", 5673))
        .containsExactly(new Address("rabbit", 5673));
    assertThat(BrokerSettings.nodes(null, "rabbit", 5673)).hasSize(1);
  }

  @Test
  void addressesNameEveryNodeAndTheDefaultPortWhereNoneIsGiven() {
    assertThat(BrokerSettings.nodes(" a:31672, b:31682 ,c", "ignored", 1))
        .containsExactly(new Address("a", 31672), new Address("b", 31682), new Address("c", 5672));
  }

  @Test
  void aMalformedAddressIsRefusedNamingIt() {
    assertThatThrownBy(() -> BrokerSettings.nodes("a:1,b:x", "h", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'b:x' has no port number");
    assertThatThrownBy(() -> BrokerSettings.nodes("a:1,:5672", "h", 1))
        .hasMessageContaining("has no host");
  }

  @Test
  void itSaysEveryNodeItMayConnectTo() {
    BrokerSettings cluster =
        new BrokerSettings(
            List.of(new Address("a", 1), new Address("b", 2)), "refinery", "guest", "guest", 3);
    assertThat(cluster.toString()).isEqualTo("guest@a:1,b:2/refinery");
    assertThat(cluster.declarations(5, "refinery.dlq").argumentsFor("refinery.orchestration"))
        .containsEntry("x-quorum-initial-group-size", 3);
  }
}
