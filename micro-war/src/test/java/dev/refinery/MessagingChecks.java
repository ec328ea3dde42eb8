package dev.refinery;

import static dev.refinery.shared.messaging.BoundedContext.HUMAN_INTERACTION;
import static dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION;
import static dev.refinery.shared.messaging.BoundedContext.PRODUCT_DEFINITION;
import static dev.refinery.shared.messaging.BoundedContext.TASK_MANAGEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.productdefinition.api.LoadEvent;
import dev.refinery.shared.application.DeadLetters;
import dev.refinery.shared.infrastructure.messaging.MessagingHarness;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetterStore;
import dev.refinery.shared.infrastructure.messaging.outbox.OutboxRelay;
import dev.refinery.shared.infrastructure.messaging.outbox.OutboxStore;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.Message;
import dev.refinery.shared.messaging.MessageHandler;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.shared.messaging.NonRetryable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.ConditionTimeoutException;

/** The RabbitMQ adapter's own scenarios (beyond the shared contract), run inside Payara Micro. */
final class MessagingChecks {

  private static final AtomicBoolean SUBSCRIBED = new AtomicBoolean();

  /** Correlation ids whose Human Interaction pings fail permanently, until removed. */
  static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

  private final MessagingHarness harness;
  private final Ledger ledger;
  private final OutboxRelay relay;
  private final OutboxStore outbox;
  private final DeadLetters deadLetters;

  MessagingChecks(
      MessagingHarness harness,
      Ledger ledger,
      OutboxRelay relay,
      OutboxStore outbox,
      DeadLetters deadLetters) {
    this.harness = harness;
    this.ledger = ledger;
    this.relay = relay;
    this.outbox = outbox;
    this.deadLetters = deadLetters;
    subscribe(harness.queue(), ledger);
  }

  void thousandMessagesAcrossTheFourContextsTakeEffectOnce() {
    String batch = UUID.randomUUID().toString();
    for (int t = 0; t < 10; t++) {
      int first = t * 100;
      harness.transaction(
          true,
          () -> {
            for (int n = first; n < first + 100; n++) {
              if (n % 2 == 0) {
                harness
                    .queue()
                    .publishCommand(
                        HUMAN_INTERACTION, ping(BoundedContext.values()[(n / 2) % 4], batch, n));
              } else {
                harness.queue().publishEvent(new LoadEvent(batch, n));
              }
            }
          });
    }
    // 500 commands with one effect each, 500 events with two subscribers each
    assertEffects(batch, 1500, 180_000);
    assertThat(deadLetters.ofTask(batch)).isEmpty();
  }

  void closedConnectionsLoseNothing() throws Exception {
    String batch = UUID.randomUUID().toString();
    harness.transaction(
        true,
        () -> {
          for (int n = 0; n < 400; n++) {
            harness
                .queue()
                .publishCommand(HUMAN_INTERACTION, ping(BoundedContext.values()[n % 4], batch, n));
          }
        });
    for (int closing = 0; closing < 2; closing++) {
      Thread.sleep(700);
      rabbitmqctl(
          "close_all_connections",
          "--vhost",
          System.getenv("REFINERY_RABBITMQ_VHOST"),
          "refinery test: connections closed mid-run");
    }
    assertEffects(batch, 400, 120_000);
  }

  void relayStoppedBetweenCommitAndSendSendsOnceWhenBack() {
    String id = UUID.randomUUID().toString();
    relay.pause();
    try {
      harness.transaction(
          true,
          () -> harness.queue().publishCommand(HUMAN_INTERACTION, ping(ORCHESTRATION, id, 1)));
      sleep(2_000);
      assertThat(ledger.count(id)[0]).as("nothing sent while the relay is down").isZero();
      assertThat(outbox.backlog()).isPositive();
    } finally {
      relay.resume();
    }
    assertEffects(id, 1, 20_000);
  }

  /**
   * An instance that committed and died before its relay sent: the sweep sends the row once its
   * claim ran out.
   */
  void rowsOfAnInstanceThatDiedBeforeSendingAreSentAfterTheirClaim() {
    String id = UUID.randomUUID().toString();
    relay.pause();
    try {
      harness.transaction(
          true,
          () -> harness.queue().publishCommand(HUMAN_INTERACTION, ping(PRODUCT_DEFINITION, id, 1)));
      relay.abandonUnsent(); // what dies with the instance
    } finally {
      relay.resume();
    }
    assertThat(outbox.backlog()).as("the row waits in the outbox").isPositive();
    sleep(1_500);
    assertThat(ledger.count(id)[0]).as("the writer's claim still holds").isZero();
    assertEffects(id, 1, 20_000);
  }

  /**
   * A confirmed row is deleted by the next transaction that appends to the outbox or, failing one,
   * by the relay. Here every transaction that comes by rolls back: the rows it took must come back
   * and still leave the outbox within the relay's grace, and nothing goes twice (were they lost,
   * they would wait for their 30 s claim and be sent again).
   */
  void confirmedRowsTakenByATransactionThatRollsBackStillLeaveTheOutboxOnce() {
    String sent = UUID.randomUUID().toString();
    String rolledBack = UUID.randomUUID().toString();
    harness.transaction(
        true,
        () -> harness.queue().publishCommand(HUMAN_INTERACTION, ping(ORCHESTRATION, sent, 1)));
    long deadline = System.currentTimeMillis() + 3_000;
    while (outbox.backlog() > 0 && System.currentTimeMillis() < deadline) {
      harness.transaction(
          false,
          () ->
              harness
                  .queue()
                  .publishCommand(HUMAN_INTERACTION, ping(ORCHESTRATION, rolledBack, 2)));
      sleep(10);
    }
    assertThat(outbox.backlog()).as("confirmed rows left the outbox").isZero();
    assertEffects(sent, 1, 20_000);
    assertThat(ledger.count(rolledBack)[0]).as("a rolled-back publication never goes").isZero();
  }

  void deadLetterCanBeReplayedOrDiscardedOnceByAnOperator() {
    String replayed = UUID.randomUUID().toString();
    String discarded = UUID.randomUUID().toString();
    FAILING.add(replayed);
    FAILING.add(discarded);
    harness.transaction(
        true,
        () -> {
          harness.queue().publishCommand(HUMAN_INTERACTION, ping(HUMAN_INTERACTION, replayed, 1));
          harness.queue().publishCommand(HUMAN_INTERACTION, ping(HUMAN_INTERACTION, discarded, 2));
        });
    UUID toReplay = awaitDeadLetter(replayed);
    UUID toDiscard = awaitDeadLetter(discarded);
    FAILING.clear();

    Caller operator = new Caller("it-operator", Set.of(Role.OPERATOR));
    deadLetters.replay(toReplay, operator);
    deadLetters.discard(toDiscard, operator);

    assertEffects(replayed, 1, 20_000);
    assertThat(ledger.count(discarded)[0]).isZero();
    DeadLetterStore.Stored letter = deadLetters.ofTask(replayed).getFirst();
    assertThat(letter.status()).isEqualTo("REPLAYED");
    assertThat(letter.resolvedBy()).isEqualTo("it-operator");
    assertThat(deadLetters.ofTask(discarded).getFirst().status()).isEqualTo("DISCARDED");
    assertThatThrownBy(() -> deadLetters.replay(toDiscard, operator))
        .hasMessageContaining("already discarded by it-operator");
  }

  /** Publishes while the broker is away: accepted, kept in the outbox. */
  void publishWhileBrokerIsDown(String id) {
    harness.transaction(
        true,
        () -> harness.queue().publishCommand(HUMAN_INTERACTION, ping(TASK_MANAGEMENT, id, 1)));
    sleep(2_000);
    assertThat(outbox.backlog()).isPositive();
    assertThat(ledger.count(id)[0]).isZero();
  }

  void deliveredOnceTheBrokerIsBack(String id) {
    assertEffects(id, 1, 60_000);
  }

  void assertEffects(String correlationId, long expected, long timeoutMillis) {
    try {
      await()
          .atMost(Duration.ofMillis(timeoutMillis))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> ledger.count(correlationId)[0] >= expected);
    } catch (ConditionTimeoutException e) {
      // fewer effects than expected: the assertions below say how many
    }
    sleep(1_000); // anything extra would show now
    long[] count = ledger.count(correlationId);
    assertThat(count[0]).as("effects for %s", correlationId).isEqualTo(expected);
    assertThat(count[1]).as("distinct effects for %s", correlationId).isEqualTo(expected);
  }

  private UUID awaitDeadLetter(String correlationId) {
    return await("a dead letter for " + correlationId)
        .atMost(Duration.ofSeconds(20))
        .until(() -> deadLetters.ofTask(correlationId), found -> !found.isEmpty())
        .getFirst()
        .deadLetter()
        .id();
  }

  private static Command ping(BoundedContext context, String correlationId, int n) {
    return switch (context) {
      case TASK_MANAGEMENT -> new dev.refinery.taskmanagement.api.LoadPing(correlationId, n);
      case HUMAN_INTERACTION -> new dev.refinery.humaninteraction.api.LoadPing(correlationId, n);
      case PRODUCT_DEFINITION -> new dev.refinery.productdefinition.api.LoadPing(correlationId, n);
      case ORCHESTRATION -> new dev.refinery.orchestration.api.LoadPing(correlationId, n);
    };
  }

  private static void subscribe(MessageQueue queue, Ledger ledger) {
    if (!SUBSCRIBED.compareAndSet(false, true)) {
      return;
    }
    try {
      ledger.create();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    for (BoundedContext context : BoundedContext.values()) {
      Class<? extends Command> pingType = ping(context, "", 0).getClass();
      queue.subscribeToCommands(context, Set.of(pingType), effect(context, ledger));
    }
    for (BoundedContext context : List.of(TASK_MANAGEMENT, ORCHESTRATION)) {
      queue.subscribeToEvents(context, Set.of(LoadEvent.class), effect(context, ledger));
    }
  }

  private static <T extends Message> MessageHandler<T> effect(
      BoundedContext context, Ledger ledger) {
    return envelope -> {
      String correlationId = envelope.payload().correlationId();
      if (FAILING.contains(correlationId)) {
        throw new PermanentFailure("ping " + correlationId + " is set to fail");
      }
      ledger.write(context.segment(), envelope.headers().messageId(), correlationId);
    };
  }

  private static void rabbitmqctl(String... arguments) throws IOException, InterruptedException {
    String[] command = new String[arguments.length + 1];
    command[0] = "/usr/sbin/rabbitmqctl";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A handler failure retrying cannot fix. */
  static final class PermanentFailure extends RuntimeException implements NonRetryable {

    private static final long serialVersionUID = 1L;

    PermanentFailure(String message) {
      super(message);
    }
  }
}
