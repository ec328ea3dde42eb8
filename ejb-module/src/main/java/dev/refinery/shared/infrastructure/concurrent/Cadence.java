package dev.refinery.shared.infrastructure.concurrent;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Lets a timer that ticks every second act once per configured period: an EJB schedule is fixed in
 * code, the period comes from MicroProfile Config. Due at once after start.
 */
public final class Cadence {

  private final long period;
  private final LongSupplier nanoTime;
  private long due;

  public Cadence(Duration period) {
    this(period, System::nanoTime);
  }

  Cadence(Duration period, LongSupplier nanoTime) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a period must be positive, not " + period);
    }
    this.period = period.toNanos();
    this.nanoTime = nanoTime;
    this.due = nanoTime.getAsLong();
  }

  /** True when the period has passed since it last was; then the next period starts. */
  public synchronized boolean due() {
    long now = nanoTime.getAsLong();
    if (now - due < 0) {
      return false;
    }
    due = now + period;
    return true;
  }
}
