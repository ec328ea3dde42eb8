package dev.refinery.shared.infrastructure.messaging;

import static dev.refinery.shared.messaging.BoundedContext.HUMAN_INTERACTION;
import static dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION;
import static dev.refinery.shared.messaging.BoundedContext.TASK_MANAGEMENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.humaninteraction.api.ProbeReply;
import dev.refinery.orchestration.api.ProbeEvent;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetter;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Headers;
import dev.refinery.shared.messaging.MessageKind;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.shared.messaging.NonRetryable;
import dev.refinery.taskmanagement.api.ProbeCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The message queue's behaviour, the same for every adapter: each JUnit class (in memory here, on
 * RabbitMQ in the container tests) calls these scenarios with its own {@link MessagingHarness}.
 */
public final class MessageQueueContract {

  private static final Set<MessageQueue> SUBSCRIBED =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private static final long WAIT = 15_000;
  private static final long QUIET = 1_500;

  private final MessagingHarness harness;
  private final MessageCodec codec = new MessageCodec();

  public MessageQueueContract(MessagingHarness harness) {
    this.harness = harness;
    subscribe(harness.queue());
  }

  public void eventReachesEverySubscribedContextOnce() {
    String id = newId();
    harness.transaction(true, () -> harness.queue().publishEvent(new ProbeEvent(id, "hello")));

    List<Probe.Seen> seen = settled(id, 2);
    assertThat(seen)
        .extracting(Probe.Seen::context)
        .containsExactlyInAnyOrder(ORCHESTRATION, HUMAN_INTERACTION);
    Headers headers = seen.getFirst().envelope().headers();
    assertThat(headers.kind()).isEqualTo(MessageKind.EVENT);
    assertThat(headers.type()).isEqualTo("orchestration.ProbeEvent");
    assertThat(headers.source()).isEqualTo(ORCHESTRATION);
    assertThat(headers.correlationId()).isEqualTo(id);
    assertThat(headers.attempt()).isEqualTo(1);
    assertThat(headers.causationId()).isNull();
    assertThat(headers.occurredAt()).isBefore(Instant.now().plusSeconds(1));
    assertThat(seen.get(1).envelope().headers().messageId()).isEqualTo(headers.messageId());
    assertThat(((ProbeEvent) seen.getFirst().envelope().payload()).note()).isEqualTo("hello");
  }

  public void commandReachesOnlyTheContextThatOwnsIt() {
    String id = newId();
    harness.transaction(
        true,
        () ->
            harness
                .queue()
                .publishCommand(HUMAN_INTERACTION, new ProbeCommand(id, 0, false, false)));

    List<Probe.Seen> seen = settled(id, 1);
    assertThat(seen).extracting(Probe.Seen::context).containsExactly(TASK_MANAGEMENT);
    assertThat(seen.getFirst().envelope().headers().kind()).isEqualTo(MessageKind.COMMAND);
    assertThat(seen.getFirst().envelope().headers().type())
        .isEqualTo("taskmanagement.ProbeCommand");
  }

  public void rolledBackTransactionPublishesNothingAndCommittedOnePublishesOnce() {
    String rolledBack = newId();
    harness.transaction(
        false,
        () ->
            harness
                .queue()
                .publishCommand(HUMAN_INTERACTION, new ProbeCommand(rolledBack, 0, false, false)));
    String committed = newId();
    harness.transaction(
        true,
        () ->
            harness
                .queue()
                .publishCommand(HUMAN_INTERACTION, new ProbeCommand(committed, 0, false, false)));

    assertThat(settled(committed, 1)).hasSize(1);
    assertThat(Probe.seen(rolledBack)).isEmpty();
  }

  public void handlerFailingTwiceIsRetriedWithGrowingDelaysThenSucceeds() {
    String id = newId();
    harness.transaction(
        true,
        () ->
            harness
                .queue()
                .publishCommand(HUMAN_INTERACTION, new ProbeCommand(id, 2, false, false)));

    Probe.await(() -> Probe.effects(id), effects -> !effects.isEmpty(), WAIT + totalDelay(2));
    List<Probe.Seen> deliveries = Probe.seen(id);
    assertThat(deliveries)
        .extracting(seen -> seen.envelope().headers().attempt())
        .containsExactly(1, 2, 3);
    Duration firstGap = Duration.between(deliveries.get(0).at(), deliveries.get(1).at());
    Duration secondGap = Duration.between(deliveries.get(1).at(), deliveries.get(2).at());
    assertThat(firstGap).isGreaterThanOrEqualTo(harness.retries().delays().get(0));
    assertThat(secondGap)
        .isGreaterThanOrEqualTo(harness.retries().delays().get(1))
        .isGreaterThan(firstGap);
    assertThat(Probe.effects(id)).hasSize(1);
    assertThat(harness.deadLetters(id)).isEmpty();
  }

  public void nonRetryableFailureIsDeadLetteredAtOnceWithItsReason() {
    String id = newId();
    harness.transaction(
        true,
        () ->
            harness
                .queue()
                .publishCommand(HUMAN_INTERACTION, new ProbeCommand(id, 9, true, false)));

    List<DeadLetter> dead =
        Probe.await(() -> harness.deadLetters(id), list -> !list.isEmpty(), WAIT);
    assertThat(dead).hasSize(1);
    DeadLetter letter = dead.getFirst();
    assertThat(letter.failure().retryable()).isFalse();
    assertThat(letter.failure().exceptionClass()).endsWith("PermanentProbeFailure");
    assertThat(letter.failure().message()).isEqualTo("permanent failure of " + id);
    assertThat(letter.attempts()).isEqualTo(1);
    assertThat(letter.origin()).isEqualTo(TASK_MANAGEMENT.queue());
    assertThat(letter.message().headers().type()).isEqualTo("taskmanagement.ProbeCommand");
    assertThat(Probe.seen(id)).hasSize(1);
  }

  public void retryableFailureIsDeadLetteredAfterTheLastAttempt() {
    String id = newId();
    harness.transaction(
        true,
        () ->
            harness
                .queue()
                .publishCommand(HUMAN_INTERACTION, new ProbeCommand(id, 99, false, false)));

    int attempts = harness.retries().maxAttempts();
    List<DeadLetter> dead =
        Probe.await(
            () -> harness.deadLetters(id),
            list -> !list.isEmpty(),
            WAIT + totalDelay(attempts - 1));
    assertThat(dead).hasSize(1);
    assertThat(dead.getFirst().failure().retryable()).isTrue();
    assertThat(dead.getFirst().attempts()).isEqualTo(attempts);
    assertThat(dead.getFirst().firstFailureAt()).isBefore(dead.getFirst().lastFailureAt());
    assertThat(Probe.seen(id)).hasSize(attempts);
  }

  public void sameMessageIdDeliveredTwiceHasOneEffect() {
    String id = newId();
    RawMessage message =
        raw(id, "taskmanagement.ProbeCommand", codec.encode(new ProbeCommand(id, 0, false, false)));
    harness.deliverRaw(TASK_MANAGEMENT, message);
    harness.deliverRaw(TASK_MANAGEMENT, message);

    assertThat(settled(id, 1)).hasSize(1);
  }

  /** Ten copies at once, taken by concurrent consumers: the inbox lets exactly one through. */
  public void sameMessageIdDeliveredTenTimesHasOneEffect() {
    String id = newId();
    RawMessage message =
        raw(id, "taskmanagement.ProbeCommand", codec.encode(new ProbeCommand(id, 0, false, false)));
    for (int i = 0; i < 10; i++) {
      harness.deliverRaw(TASK_MANAGEMENT, message);
    }

    assertThat(settled(id, 1)).hasSize(1);
  }

  public void malformedMessageIsDeadLetteredAndConsumingGoesOn() {
    String id = newId();
    Instant sent = Instant.now();
    harness.deliverRaw(
        TASK_MANAGEMENT,
        raw(id, "taskmanagement.ProbeCommand", "{\"correlationId\": \"" + id + "\", "));
    String unknown = newId();
    harness.deliverRaw(TASK_MANAGEMENT, raw(unknown, "taskmanagement.NoSuchCommand", "{}"));
    String next = newId();
    harness.transaction(
        true,
        () ->
            harness
                .queue()
                .publishCommand(HUMAN_INTERACTION, new ProbeCommand(next, 0, false, false)));

    List<DeadLetter> malformed =
        Probe.await(() -> harness.deadLetters(id), list -> !list.isEmpty(), WAIT);
    assertThat(malformed)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.lastFailureAt())
                  .as("dead-lettered within 2 s")
                  .isBefore(sent.plusSeconds(2));
              assertThat(letter.failure().retryable()).isFalse();
              assertThat(letter.failure().exceptionClass()).endsWith("MalformedMessageException");
            });
    assertThat(Probe.await(() -> harness.deadLetters(unknown), list -> !list.isEmpty(), WAIT))
        .singleElement()
        .satisfies(
            letter ->
                assertThat(letter.failure().message())
                    .contains("no handler for command taskmanagement.NoSuchCommand"));
    assertThat(settled(next, 1)).hasSize(1);
  }

  public void messagePublishedWhileHandlingIsCausedByTheHandledMessage() {
    String id = newId();
    harness.transaction(
        true,
        () ->
            harness
                .queue()
                .publishCommand(HUMAN_INTERACTION, new ProbeCommand(id, 0, false, true)));

    List<Probe.Seen> seen = settled(id, 2);
    Probe.Seen command =
        seen.stream().filter(s -> s.context() == TASK_MANAGEMENT).findFirst().orElseThrow();
    Probe.Seen reply =
        seen.stream().filter(s -> s.context() == HUMAN_INTERACTION).findFirst().orElseThrow();
    assertThat(reply.envelope().headers().causationId())
        .isEqualTo(command.envelope().headers().messageId());
    assertThat(reply.envelope().headers().source()).isEqualTo(TASK_MANAGEMENT);
    assertThat(reply.envelope().headers().correlationId()).isEqualTo(id);
  }

  /** Waits for the expected number of effects, then a little longer to catch any extra. */
  private static List<Probe.Seen> settled(String id, int expected) {
    Probe.await(() -> Probe.effects(id), effects -> effects.size() >= expected, WAIT);
    Probe.await(() -> Probe.effects(id), effects -> effects.size() > expected, QUIET);
    return Probe.effects(id);
  }

  private long totalDelay(int retries) {
    return harness.retries().delays().stream().limit(retries).mapToLong(Duration::toMillis).sum();
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  private static RawMessage raw(String correlationId, String type, String body) {
    return new RawMessage(
        new Headers(
            UUID.randomUUID(),
            type,
            MessageKind.COMMAND,
            correlationId,
            null,
            ORCHESTRATION,
            Instant.now(),
            1,
            null),
        body);
  }

  /** Thrown by the probe handler for a permanent failure. */
  static final class PermanentProbeFailure extends RuntimeException implements NonRetryable {

    private static final long serialVersionUID = 1L;

    PermanentProbeFailure(String message) {
      super(message);
    }
  }

  private static void subscribe(MessageQueue queue) {
    synchronized (SUBSCRIBED) {
      if (!SUBSCRIBED.add(queue)) {
        return;
      }
    }
    for (BoundedContext context : List.of(ORCHESTRATION, HUMAN_INTERACTION)) {
      queue.subscribeToEvents(
          context, Set.of(ProbeEvent.class), envelope -> Probe.record(context, envelope, true));
    }
    queue.subscribeToCommands(
        HUMAN_INTERACTION,
        Set.of(ProbeReply.class),
        envelope -> Probe.record(HUMAN_INTERACTION, envelope, true));
    queue.subscribeToCommands(
        TASK_MANAGEMENT,
        Set.of(ProbeCommand.class),
        envelope -> {
          ProbeCommand command = (ProbeCommand) envelope.payload();
          boolean fails = envelope.headers().attempt() <= command.failures();
          Probe.record(TASK_MANAGEMENT, envelope, !fails);
          if (fails && command.permanent()) {
            throw new PermanentProbeFailure("permanent failure of " + command.correlationId());
          }
          if (fails) {
            throw new IllegalStateException("transient failure of " + command.correlationId());
          }
          if (command.reply()) {
            queue.publishCommand(TASK_MANAGEMENT, new ProbeReply(command.correlationId()));
          }
        });
  }
}
