package dev.refinery.rabbitmq;

import static dev.refinery.rabbitmq.RabbitResourceAdapter.LOG;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * A fault-injection point for the fault suite ({@code ./refinery faults}, scenario F2): with
 * {@code REFINERY_FAULT_HALT_BEFORE_ACK=N} in the environment (or the system property
 * {@code refinery.fault.halt-before-ack}), the N-th delivery whose transaction committed halts the JVM
 * before it is acknowledged, as a power cut between the database commit and the ack would. Unset, zero or
 * not a number, it never fires; nothing in production sets it.
 */
final class CrashPoint {

  static final String VARIABLE = "REFINERY_FAULT_HALT_BEFORE_ACK";
  static final String PROPERTY = "refinery.fault.halt-before-ack";
  private static final CrashPoint CONFIGURED = new CrashPoint(setting(), status -> Runtime.getRuntime().halt(status));

  private final long at;
  private final IntConsumer halt;
  private final AtomicLong committed = new AtomicLong();

  CrashPoint(long at, IntConsumer halt) {
    this.at = at;
    this.halt = halt;
  }

  static CrashPoint configured() {
    return CONFIGURED;
  }

  /** Called after a delivery's transaction committed, before its ack; halts on the configured one. */
  void committed(String messageId, String queue) {
    if (at > 0 && committed.incrementAndGet() == at) {
      LOG.log(Level.ERROR, "Fault injection ({0}={1}): halting before acknowledging message {2} from {3},"
          + " whose transaction committed", VARIABLE, at, messageId, queue);
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
      LOG.log(Level.WARNING, "{0} is not a number (''{1}''); the crash point stays off", VARIABLE, value);
      return 0;
    }
  }
}
