package dev.refinery.rabbitmq;

import java.util.Map;
import java.util.Optional;

/**
 * How each queue is declared, decided from its name alone so that every producer, consumer and
 * admin object declares it identically (RabbitMQ refuses a second declaration with other arguments:
 * 406).
 *
 * <ul>
 *   <li>the dead-letter queue: a quorum queue;
 *   <li>{@code <origin>.delay.<millis>}: a quorum queue whose messages expire after that many
 *       milliseconds back into {@code <origin>} through the default exchange, so a retry waits on
 *       the broker and no consumer thread sleeps;
 *   <li>any other queue: a quorum queue with a delivery limit, dead-lettering at least once to the
 *       dead-letter queue when a message keeps crashing its consumer.
 * </ul>
 */
public final class QueueDeclarations {

  static final String DELAY_INFIX = ".delay.";

  static final String DEFAULT_UNROUTED_QUEUE = "refinery.unrouted";

  private final int deliveryLimit;
  private final String deadLetterQueue;
  private final String unroutedQueue;
  private final Integer quorumGroupSize;

  public QueueDeclarations(int deliveryLimit, String deadLetterQueue) {
    this(deliveryLimit, deadLetterQueue, DEFAULT_UNROUTED_QUEUE, null);
  }

  /**
   * @param quorumGroupSize the nodes each queue is first replicated over ({@code
   *     x-quorum-initial-group-size}), or null for the broker's default. RabbitMQ refuses (406) a
   *     declaration whose value differs from the existing queue's: set it before the first start.
   */
  public QueueDeclarations(int deliveryLimit, String deadLetterQueue, Integer quorumGroupSize) {
    this(deliveryLimit, deadLetterQueue, DEFAULT_UNROUTED_QUEUE, quorumGroupSize);
  }

  public QueueDeclarations(
      int deliveryLimit, String deadLetterQueue, String unroutedQueue, Integer quorumGroupSize) {
    if (deliveryLimit < 1) {
      throw new IllegalArgumentException("deliveryLimit must be at least 1, not " + deliveryLimit);
    }
    if (quorumGroupSize != null && quorumGroupSize < 1) {
      throw new IllegalArgumentException(
          "quorumGroupSize must be at least 1 (or unset), not " + quorumGroupSize);
    }
    this.deliveryLimit = deliveryLimit;
    this.deadLetterQueue = deadLetterQueue;
    this.unroutedQueue = unroutedQueue;
    this.quorumGroupSize = quorumGroupSize;
  }

  /** A quorum queue's type argument, and its group size when one is given. */
  static Map<String, Object> quorum(Integer quorumGroupSize) {
    return quorumGroupSize == null
        ? Map.of("x-queue-type", "quorum")
        : Map.of("x-queue-type", "quorum", "x-quorum-initial-group-size", quorumGroupSize);
  }

  /**
   * The queue (and fanout exchange of the same name) every exchange the adapter declares names as
   * its alternate exchange: a message no binding matched is parked there, not dropped.
   */
  public String unroutedQueue() {
    return unroutedQueue;
  }

  /** The arguments a queue of this name is declared with. */
  public Map<String, Object> argumentsFor(String queue) {
    Map<String, Object> arguments = new java.util.HashMap<>(quorum(quorumGroupSize));
    arguments.putAll(ownArguments(queue));
    return Map.copyOf(arguments);
  }

  private Map<String, Object> ownArguments(String queue) {
    if (queue.equals(deadLetterQueue)) {
      return Map.of();
    }
    Optional<Delay> delay = Delay.parse(queue);
    if (delay.isPresent()) {
      return Map.of(
          "x-message-ttl", delay.get().millis(),
          "x-dead-letter-exchange", "",
          "x-dead-letter-routing-key", delay.get().origin(),
          "x-dead-letter-strategy", "at-least-once",
          "x-overflow", "reject-publish");
    }
    return Map.of(
        "x-delivery-limit", deliveryLimit,
        "x-dead-letter-exchange", "",
        "x-dead-letter-routing-key", deadLetterQueue,
        "x-dead-letter-strategy", "at-least-once",
        "x-overflow", "reject-publish");
  }

  public RabbitQueue queue(String name) {
    return new RabbitQueue(name);
  }

  /** A delay queue name: {@code <origin>.delay.<millis>}. */
  record Delay(String origin, long millis) {

    static Optional<Delay> parse(String queue) {
      int at = queue.lastIndexOf(DELAY_INFIX);
      if (at <= 0) {
        return Optional.empty();
      }
      String millis = queue.substring(at + DELAY_INFIX.length());
      if (millis.isEmpty() || !millis.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      return Optional.of(new Delay(queue.substring(0, at), Long.parseLong(millis)));
    }
  }
}
