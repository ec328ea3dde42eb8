package dev.refinery.shared.monitoring;

import dev.refinery.shared.infrastructure.management.RefineryMetric;
import dev.refinery.shared.infrastructure.messaging.Consumed;
import dev.refinery.shared.infrastructure.messaging.Monitored;
import dev.refinery.shared.infrastructure.messaging.Publication;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.routing.Subscriptions;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Headers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Turns what the interceptor saw into event log lines and metrics: {@code refinery_messages_total}
 * by direction, type and outcome, and {@code refinery_message_duration} by direction and type. A
 * delivery of an event to a context that does not subscribe to it is counted, not logged (the
 * heartbeat aside).
 */
@ApplicationScoped
public class MessageMonitor {

  static final String SUBSCRIBERS = "subscribers";

  /** Logged even where nobody subscribes to it: the detector reads who consumed it. */
  static final String HEARTBEAT = Subscriptions.HEARTBEAT;

  @Inject EventLog log;

  @Inject MetricRegistry registry;

  @Inject Clock clock;

  /** A call that returned: what it published, or how its delivery was consumed. */
  void completed(Monitored.Call call, Object[] arguments, Object result, Duration took) {
    switch (call) {
      case PUBLISH -> published(publication(arguments), took);
      case CONSUME -> {
        if (!(result instanceof Consumed consumed)) {
          throw new IllegalStateException(
              "a @Monitored(CONSUME) call returned "
                  + result
                  + ", not what it consumed (Consumed): nothing recorded");
        }
        consumed(consumed, took);
      }
      case NONE -> {}
    }
  }

  private void published(Publication.Outgoing outgoing, Duration took) {
    Headers headers = outgoing.message().headers();
    count(MessageRecord.PUBLISHED, headers.type(), "published", took);
    // Stamped when the publication began: an adapter may deliver it (on another thread) before the
    // call returns, and the consumption must not read back before the publication.
    MessageRecord line =
        line(
            MessageRecord.PUBLISHED,
            headers,
            target(outgoing.destination()),
            "published",
            took,
            null);
    log.afterCommit(line.at(line.recordedAt().minus(took)));
  }

  private void consumed(Consumed consumed, Duration took) {
    String outcome = outcome(consumed.outcome());
    count(MessageRecord.CONSUMED, consumed.headers().type(), outcome, took);
    MessageRecord line =
        line(
            MessageRecord.CONSUMED,
            consumed.headers(),
            consumed.context().segment(),
            outcome,
            took,
            consumed.error());
    if (consumed.outcome() == Consumed.Outcome.FAILED) {
      log.now(line); // its transaction rolls back: the line is written at once
    } else if (consumed.outcome() != Consumed.Outcome.IGNORED
        || HEARTBEAT.equals(consumed.headers().type())) {
      log.afterCommit(line);
    }
  }

  /**
   * A publish or a consumption that threw: its transaction rolls back, so the line is written at
   * once. A delivery that could not be read is counted under the type {@code unread}.
   */
  void failed(Monitored.Call call, Object[] arguments, Exception failure, Duration took) {
    String direction;
    String target;
    Headers headers;
    switch (call) {
      case PUBLISH -> {
        Publication.Outgoing outgoing = publication(arguments);
        direction = MessageRecord.PUBLISHED;
        headers = outgoing.message().headers();
        target = target(outgoing.destination());
      }
      case CONSUME -> {
        if (arguments.length != 2 || !(arguments[0] instanceof BoundedContext context)) {
          throw new IllegalStateException(
              "a @Monitored(CONSUME) call takes (BoundedContext,"
                  + " delivery), not "
                  + arguments.length
                  + " arguments: nothing recorded");
        }
        direction = MessageRecord.CONSUMED;
        target = context.segment();
        headers = arguments[1] instanceof RawMessage raw ? raw.headers() : null;
      }
      default -> {
        return;
      }
    }
    count(direction, headers == null ? "unread" : headers.type(), "failed", took);
    if (headers != null) {
      log.now(line(direction, headers, target, "failed", took, failure.toString()));
    }
  }

  private static Publication.Outgoing publication(Object[] arguments) {
    if (arguments.length != 1 || !(arguments[0] instanceof Publication.Outgoing outgoing)) {
      throw new IllegalStateException(
          "a @Monitored(PUBLISH) call takes one Publication.Outgoing,"
              + " not "
              + arguments.length
              + " arguments: nothing recorded");
    }
    return outgoing;
  }

  void recordingFailed() {
    registry.counter(RefineryMetric.MONITORING_FAILURES.metadata()).inc();
  }

  private void count(String direction, String type, String outcome, Duration took) {
    String way = direction.toLowerCase(Locale.ROOT);
    registry
        .counter(
            RefineryMetric.MESSAGES.metadata(),
            new Tag("direction", way),
            new Tag("type", type),
            new Tag("outcome", outcome))
        .inc();
    registry
        .timer(
            RefineryMetric.MESSAGE_DURATION.metadata(),
            new Tag("direction", way),
            new Tag("type", type))
        .update(took);
  }

  private MessageRecord line(
      String direction,
      Headers headers,
      String target,
      String outcome,
      Duration took,
      String error) {
    return new MessageRecord(
        0,
        clock.instant(),
        direction,
        headers.messageId(),
        headers.type(),
        headers.kind().name(),
        headers.source().segment(),
        target,
        headers.correlationId(),
        headers.causationId(),
        outcome,
        headers.attempt(),
        took.toNanos() / 1_000,
        error);
  }

  private static String target(Publication.Destination destination) {
    return destination.everySubscriber()
        ? SUBSCRIBERS
        : BoundedContext.ofQueue(destination.queue()).segment();
  }

  private static String outcome(Consumed.Outcome outcome) {
    return switch (outcome) {
      case HANDLED -> "ok";
      case DUPLICATE -> "duplicate";
      case IGNORED -> "ignored";
      case FAILED -> "failed";
      case RETRIED -> "retried";
      case DEAD_LETTERED -> "dead-lettered";
    };
  }
}
