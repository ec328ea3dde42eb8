package dev.refinery.rabbitmq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.jms.admin.RMQConnectionFactory;
import jakarta.ejb.EJB;
import jakarta.jms.Connection;
import java.io.File;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resource adapter on Payara Micro against the real RabbitMQ (a virtual host of its own), with
 * test beans that succeed, throw, roll back, sleep or crowd in.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceAdapterIT {

  @Deployment
  static WebArchive beans() {
    return ShrinkWrap.create(WebArchive.class, "ra-it.war")
        .addClasses(
            ResourceAdapterIT.class,
            Observations.class,
            Observations.Seen.class,
            BehaviourConsumer.class,
            ConcurrencyConsumer.class,
            SinkConsumer.class,
            Producer.class)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
        .addAsLibraries(new File(System.getProperty("assertj.jar")));
  }

  @EJB Producer producer;

  @Test
  void committedDeliveryIsAcknowledgedOnce() throws Exception {
    String id = id();
    producer.send("ra-it.behaviour", id, 1, "ok", false);

    List<Observations.Seen> seen = settle(id + 0, 1);
    assertThat(seen).extracting(Observations.Seen::deliveryCount).containsExactly(1);
  }

  @Test
  void exceptionMakesTheBrokerRedeliver() throws Exception {
    String id = id();
    producer.send("ra-it.behaviour", id, 1, "throw:2", false);

    List<Observations.Seen> seen = settle(id + 0, 3);
    assertThat(seen).extracting(Observations.Seen::deliveryCount).containsExactly(1, 2, 3);
    assertThat(seen).extracting(Observations.Seen::succeeded).containsExactly(false, false, true);
  }

  @Test
  void setRollbackOnlyAloneMakesTheBrokerRedeliver() throws Exception {
    String id = id();
    producer.send("ra-it.behaviour", id, 1, "rollback:2", false);

    List<Observations.Seen> seen = settle(id + 0, 3);
    assertThat(seen).extracting(Observations.Seen::deliveryCount).containsExactly(1, 2, 3);
  }

  @Test
  void slowBeanIsNotCutOffAfterTwoSeconds() throws Exception {
    String id = id();
    producer.send("ra-it.behaviour", id, 1, "sleep:2500", false);

    assertThat(settle(id + 0, 1)).extracting(Observations.Seen::deliveryCount).containsExactly(1);
  }

  @Test
  void maxSessionsBeansWorkAtOnceBeyondTheClientsPerCoreCap() throws Exception {
    String id = id();
    Observations.resetInFlight();
    producer.send("ra-it.concurrency", id, 16, "ok", false);

    await(() -> Observations.succeeded(id), count -> count == 16, 20_000);
    assertThat(Observations.succeeded(id)).isEqualTo(16);
    assertThat(Observations.mostInFlight())
        .as("on %d cores", Runtime.getRuntime().availableProcessors())
        .isEqualTo(8);
  }

  @Test
  void sendsOfARolledBackTransactionAreDiscarded() throws Exception {
    String rolledBack = id();
    String committed = id();
    producer.send("ra-it.sink", rolledBack, 10, "ok", true);
    producer.send("ra-it.sink", committed, 10, "ok", false);

    await(() -> Observations.succeeded(committed), count -> count == 10, 10_000);
    Thread.sleep(1_500);
    assertThat(Observations.succeeded(committed)).isEqualTo(10);
    assertThat(Observations.succeeded(rolledBack)).isZero();
  }

  @Test
  void injectedJmsContextSendsJoinTheTransaction() throws Exception {
    String rolledBack = id();
    String committed = id();
    producer.sendWithContext("ra-it.sink", rolledBack, 5, true);
    producer.sendWithContext("ra-it.sink", committed, 5, false);

    await(() -> Observations.succeeded(committed), count -> count == 5, 10_000);
    Thread.sleep(1_500);
    assertThat(Observations.succeeded(committed)).isEqualTo(5);
    assertThat(Observations.succeeded(rolledBack)).isZero();
  }

  @Test
  void queueIsDeclaredOneWayWhileAForeignPlainDeclarationIsRefusedWith406() throws Exception {
    String viaAdminObject = id();
    String viaCreateQueue = id();
    producer.sendToAdminQueue(viaAdminObject);
    producer.send("ra-it.sink", viaCreateQueue, 1, "ok", false);
    settle(viaAdminObject, 1);
    settle(viaCreateQueue + 0, 1);

    RMQConnectionFactory plain = new RMQConnectionFactory();
    plain.setPort(Integer.parseInt(System.getenv("REFINERY_RABBITMQ_PORT")));
    plain.setVirtualHost(System.getenv("REFINERY_RABBITMQ_VHOST"));
    try (Connection connection = plain.createConnection()) {
      var session = connection.createSession();
      assertThatThrownBy(
              () ->
                  session
                      .createProducer(session.createQueue("ra-it.sink"))
                      .send(session.createTextMessage("x")))
          .hasStackTraceContaining("PRECONDITION_FAILED - inequivalent arg");
    }
  }

  @Test
  void pooledConnectionClosedByTheBrokerIsReplaced() throws Exception {
    String before = id();
    producer.send("ra-it.sink", before, 1, "ok", false);
    settle(before + 0, 1);
    Process close =
        new ProcessBuilder(
                "/usr/sbin/rabbitmqctl",
                "close_all_connections",
                "--vhost",
                System.getenv("REFINERY_RABBITMQ_VHOST"),
                "refinery test: pooled connection closed")
            .redirectErrorStream(true)
            .start();
    assertThat(close.waitFor()).isZero();
    Thread.sleep(500);

    String after = id();
    producer.send("ra-it.sink", after, 1, "ok", false);
    assertThat(settle(after + 0, 1)).hasSize(1);
  }

  /**
   * Every destination is in AMQP mode: a message any AMQP client published (no JMS client's
   * serialized form) reaches the bean as it came, its headers as properties, and consuming goes on.
   */
  @Test
  void messagesAPlainAmqpClientWroteAreDeliveredAsTheyCame() throws Exception {
    String before = id();
    producer.send("ra-it.sink", before, 1, "ok", false);
    settle(before + 0, 1);
    com.rabbitmq.client.ConnectionFactory amqp = new com.rabbitmq.client.ConnectionFactory();
    amqp.setPort(Integer.parseInt(System.getenv("REFINERY_RABBITMQ_PORT")));
    amqp.setVirtualHost(System.getenv("REFINERY_RABBITMQ_VHOST"));
    String plain = id();
    try (com.rabbitmq.client.Connection connection = amqp.newConnection();
        com.rabbitmq.client.Channel channel = connection.createChannel()) {
      for (int i = 0;
          i < 6;
          i++) { // more than the consumer's sessions: every one of them meets one
        channel.basicPublish(
            "",
            "ra-it.sink",
            new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                .headers(java.util.Map.of("id", plain + i))
                .build(),
            ("not a JMS message " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      String after = id();
      producer.send("ra-it.sink", after, 1, "ok", false);

      assertThat(settle(after + 0, 1)).hasSize(1);
      for (int i = 0; i < 6; i++) {
        assertThat(settle(plain + i, 1)).as("plain AMQP message %d", i).hasSize(1);
      }
      assertThat(uncheckedCount(channel, "ra-it.sink")).isZero();
    }
  }

  private static long uncheckedCount(com.rabbitmq.client.Channel channel, String queue) {
    try {
      return channel.queueDeclarePassive(queue).getMessageCount();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String id() {
    return UUID.randomUUID() + "-";
  }

  /** Waits for the expected deliveries, then a while longer for unexpected ones. */
  private static List<Observations.Seen> settle(String id, int expected)
      throws InterruptedException {
    await(() -> Observations.of(id).size(), count -> count >= expected, 20_000);
    Thread.sleep(1_500);
    List<Observations.Seen> seen = Observations.of(id);
    assertThat(seen).as("deliveries of %s", id).hasSize(expected);
    return seen;
  }

  private static <T> void await(Supplier<T> value, Predicate<T> done, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!done.test(value.get()) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
  }
}
