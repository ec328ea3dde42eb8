package dev.refinery.shared.infrastructure.messaging.memory;

import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import dev.refinery.shared.infrastructure.messaging.MessageCodec;
import dev.refinery.shared.infrastructure.messaging.MessageQueueContract;
import dev.refinery.shared.infrastructure.messaging.MessagingHarness;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.RetryPolicy;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetter;
import dev.refinery.shared.infrastructure.messaging.deadletter.FailurePolicy;
import dev.refinery.shared.infrastructure.messaging.routing.Subscriptions;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.MessageQueue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The message queue contract on the in-memory adapter. */
class InMemoryMessageQueueTest {

  private final RetryPolicy retries = RetryPolicy.parse("100ms,300ms,600ms");
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
  private final Transactions transactions = new Transactions();
  private final InMemoryMessageQueue queue =
      InMemoryMessageQueue.standalone(
          readySubscriptions(),
          new MessageCodec(),
          new FailurePolicy(retries),
          transactions,
          scheduler,
          Clock.systemUTC());
  private final MessageQueueContract contract =
      new MessageQueueContract(
          new MessagingHarness() {
            @Override
            public MessageQueue queue() {
              return queue;
            }

            @Override
            public RetryPolicy retries() {
              return retries;
            }

            @Override
            public void transaction(boolean commit, Runnable work) {
              transactions.run(commit, work);
            }

            @Override
            public void deliverRaw(BoundedContext context, RawMessage message) {
              queue.deliver(context, message);
            }

            @Override
            public List<DeadLetter> deadLetters(String correlationId) {
              return queue.deadLetters().stream()
                  .filter(
                      letter -> correlationId.equals(letter.message().headers().correlationId()))
                  .toList();
            }
          });

  private static Subscriptions readySubscriptions() {
    Subscriptions subscriptions = new Subscriptions();
    subscriptions.markReady();
    return subscriptions;
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void eventReachesEverySubscribedContextOnce() {
    contract.eventReachesEverySubscribedContextOnce();
  }

  @Test
  void commandReachesOnlyTheContextThatOwnsIt() {
    contract.commandReachesOnlyTheContextThatOwnsIt();
  }

  @Test
  void rolledBackTransactionPublishesNothingAndCommittedOnePublishesOnce() {
    contract.rolledBackTransactionPublishesNothingAndCommittedOnePublishesOnce();
  }

  @Test
  void handlerFailingTwiceIsRetriedWithGrowingDelaysThenSucceeds() {
    contract.handlerFailingTwiceIsRetriedWithGrowingDelaysThenSucceeds();
  }

  @Test
  void nonRetryableFailureIsDeadLetteredAtOnceWithItsReason() {
    contract.nonRetryableFailureIsDeadLetteredAtOnceWithItsReason();
  }

  @Test
  void retryableFailureIsDeadLetteredAfterTheLastAttempt() {
    contract.retryableFailureIsDeadLetteredAfterTheLastAttempt();
  }

  @Test
  void sameMessageIdDeliveredTwiceHasOneEffect() {
    contract.sameMessageIdDeliveredTwiceHasOneEffect();
  }

  @Test
  void sameMessageIdDeliveredTenTimesHasOneEffect() {
    contract.sameMessageIdDeliveredTenTimesHasOneEffect();
  }

  @Test
  void malformedMessageIsDeadLetteredAndConsumingGoesOn() {
    contract.malformedMessageIsDeadLetteredAndConsumingGoesOn();
  }

  @Test
  void messagePublishedWhileHandlingIsCausedByTheHandledMessage() {
    contract.messagePublishedWhileHandlingIsCausedByTheHandledMessage();
  }

  /**
   * A stand-in for JTA: work registered after commit runs when the transaction commits, never on
   * rollback.
   */
  private static final class Transactions implements AfterCommit {

    private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

    void run(boolean commit, Runnable work) {
      pending.set(new ArrayList<>());
      try {
        work.run();
        if (commit) {
          pending.get().forEach(Runnable::run);
        }
      } finally {
        pending.remove();
      }
    }

    @Override
    public void run(Runnable work) {
      List<Runnable> active = pending.get();
      if (active == null) {
        work.run();
      } else {
        active.add(work);
      }
    }
  }
}
