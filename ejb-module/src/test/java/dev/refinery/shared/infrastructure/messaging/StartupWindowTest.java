package dev.refinery.shared.infrastructure.messaging;

import static dev.refinery.shared.messaging.BoundedContext.HUMAN_INTERACTION;
import static dev.refinery.shared.messaging.BoundedContext.TASK_MANAGEMENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.shared.infrastructure.messaging.deadletter.FailurePolicy;
import dev.refinery.shared.infrastructure.messaging.memory.InMemoryMessageQueue;
import dev.refinery.shared.infrastructure.messaging.routing.Subscriptions;
import dev.refinery.taskmanagement.api.ProbeCommand;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A message that arrives while the application starts, before its context has subscribed, waits for
 * a retry instead of being dead-lettered as nobody's.
 */
class StartupWindowTest {

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final Subscriptions subscriptions = new Subscriptions();
  private final InMemoryMessageQueue queue =
      InMemoryMessageQueue.standalone(
          subscriptions,
          new MessageCodec(),
          new FailurePolicy(RetryPolicy.parse("100ms,300ms,600ms")),
          Runnable::run,
          scheduler,
          Clock.systemUTC());

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void commandArrivingBeforeItsContextSubscribedIsRetriedAndHandled() throws InterruptedException {
    String id = "startup-" + UUID.randomUUID();
    queue.publishCommand(HUMAN_INTERACTION, new ProbeCommand(id, 0, false, false));
    Thread.sleep(50); // the first attempt finds no subscriber yet

    queue.subscribeToCommands(
        TASK_MANAGEMENT,
        Set.of(ProbeCommand.class),
        envelope -> Probe.record(TASK_MANAGEMENT, envelope, true));
    subscriptions.markReady();

    List<Probe.Seen> effects = Probe.await(() -> Probe.effects(id), seen -> !seen.isEmpty(), 5_000);
    assertThat(effects).hasSize(1);
    assertThat(effects.getFirst().envelope().headers().attempt()).isGreaterThan(1);
    assertThat(queue.deadLetters()).isEmpty();
  }
}
