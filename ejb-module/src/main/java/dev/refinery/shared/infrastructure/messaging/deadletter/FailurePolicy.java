package dev.refinery.shared.infrastructure.messaging.deadletter;

import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What to do with a message whose handling failed: retry it after the policy's delay while it is
 * retryable and attempts remain, otherwise dead-letter it. An event that arrived before its task's
 * first event ({@link EarlyEventException}) is first retried within milliseconds (the event it
 * waits for is usually right behind it), then at the ordinary delays, and after the last attempt it
 * is tried again at the last delay until the early-event horizon has passed since it first failed,
 * because the event it waits for is on its way (held, say, by a frozen consumer until the broker
 * gives it to another). Shared by both adapters.
 */
public final class FailurePolicy {

  /** The outcome for one failed delivery. */
  public sealed interface Decision permits Retry, GiveUp {}

  /** Send {@code copy} back to its queue after {@code delay}. */
  public record Retry(Duration delay, RawMessage copy) implements Decision {}

  /** Keep it among the dead letters. */
  public record GiveUp(DeadLetter deadLetter) implements Decision {}

  private final RetryPolicy retries;
  private final RetryPolicy earlyEventRetries;
  private final Duration earlyEventHorizon;

  public FailurePolicy(RetryPolicy retries) {
    this(retries, retries, Duration.ZERO);
  }

  /**
   * @param earlyEventRetries the delays for an event that overtook its task's first: the event it
   *     waits for is usually a few milliseconds behind, so the first retries come quickly
   */
  public FailurePolicy(
      RetryPolicy retries, RetryPolicy earlyEventRetries, Duration earlyEventHorizon) {
    this.retries = retries;
    this.earlyEventRetries = earlyEventRetries;
    this.earlyEventHorizon = earlyEventHorizon;
  }

  public Decision decide(RawMessage message, String origin, Failure failure, Instant failedAt) {
    RetryPolicy policy = early(failure) ? earlyEventRetries : retries;
    Optional<Duration> delay =
        failure.retryable() ? policy.delayAfter(message.headers().attempt()) : Optional.empty();
    if (delay.isEmpty()
        && awaitsItsTask(failure, message, failedAt)
        && !policy.delays().isEmpty()) {
      delay = Optional.of(policy.delays().getLast());
    }
    if (delay.isPresent()) {
      return new Retry(delay.get(), message.retried(failedAt, failure.toString()));
    }
    return new GiveUp(DeadLetter.of(message, origin, failure, failedAt));
  }

  private boolean awaitsItsTask(Failure failure, RawMessage message, Instant failedAt) {
    Instant first = message.firstFailureAt() == null ? failedAt : message.firstFailureAt();
    return failure.retryable() && early(failure) && first.plus(earlyEventHorizon).isAfter(failedAt);
  }

  private static boolean early(Failure failure) {
    return EarlyEventException.class.getName().equals(failure.exceptionClass());
  }

  public RetryPolicy retries() {
    return retries;
  }
}
