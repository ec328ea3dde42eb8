package dev.refinery.shared.infrastructure.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What to do with a message whose handling failed: retry it after the policy's delay while it is
 * retryable and attempts remain, otherwise dead-letter it. Shared by both adapters.
 */
public final class FailurePolicy {

  /** The outcome for one failed delivery. */
  public sealed interface Decision permits Retry, GiveUp {}

  /** Send {@code copy} back to its queue after {@code delay}. */
  public record Retry(Duration delay, RawMessage copy) implements Decision {}

  /** Keep it among the dead letters. */
  public record GiveUp(DeadLetter deadLetter) implements Decision {}

  private final RetryPolicy retries;

  public FailurePolicy(RetryPolicy retries) {
    this.retries = retries;
  }

  public Decision decide(RawMessage message, String origin, Failure failure, Instant failedAt) {
    Optional<Duration> delay = failure.retryable()
        ? retries.delayAfter(message.headers().attempt())
        : Optional.empty();
    if (delay.isPresent()) {
      return new Retry(delay.get(), message.retried(failedAt, failure.toString()));
    }
    return new GiveUp(DeadLetter.of(message, origin, failure, failedAt));
  }

  public RetryPolicy retries() {
    return retries;
  }
}
