package dev.refinery.rabbitmq;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The fault suite's crash point, built only into {@code rabbitmq-ra-faults.rar}: with {@code
 * REFINERY_FAULT_HALT_BEFORE_ACK=N} in the environment (or the system property {@code
 * refinery.fault.halt-before-ack}), the N-th delivery whose transaction committed halts the JVM
 * before it is acknowledged. Unset, zero or not a number, it never fires.
 */
public final class HaltBeforeAck implements CrashPoint {

  static final String PROPERTY = "refinery.fault.halt-before-ack";
  private static final System.Logger LOG = System.getLogger(HaltBeforeAck.class.getName());

  private final long at;
  private final IntConsumer halt;
  private final AtomicLong committed = new AtomicLong();

  /** As the service loader makes it: armed by the environment, halting the JVM. */
  public HaltBeforeAck() {
    this(setting(), status -> Runtime.getRuntime().halt(status));
  }

  HaltBeforeAck(long at, IntConsumer halt) {
    this.at = at;
    this.halt = halt;
    if (at > 0) {
      LOG.log(
          Level.WARNING,
          "Fault injection armed ({0}={1}): the JVM halts before acknowledging that committed"
              + " delivery",
          VARIABLE,
          at);
    }
  }

  @Override
  public void committed(String messageId, String queue) {
    if (at > 0 && committed.incrementAndGet() == at) {
      LOG.log(
          Level.ERROR,
          "Fault injection ({0}={1}): halting before acknowledging message {2} from {3},"
              + " whose transaction committed",
          VARIABLE,
          at,
          messageId,
          queue);
      halt.accept(137);
    }
  }

  private static long setting() {
    String value = System.getProperty(PROPERTY, System.getenv(VARIABLE));
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      LOG.log(
          Level.WARNING,
          "{0} is not a number (''{1}''); the crash point stays off",
          VARIABLE,
          value);
      return 0;
    }
  }
}
