package dev.refinery.shared.infrastructure.concurrent;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Lets a timer that ticks every second act once per configured period: an EJB schedule is fixed in code,
 * the period comes from MicroProfile Config. Due at once after start. Idle work backs off: each run that
 * found nothing doubles the period, up to {@link #IDLE_FACTOR} times the configured one; a run that found
 * something, or activity that woke the work, brings it back to the configured period.
 */
public final class Cadence {

  /** How far idle work backs off: at most this many configured periods between runs. */
  public static final int IDLE_FACTOR = 8;

  private final long period;
  private final long longest;
  private final LongSupplier nanoTime;
  private long current;
  private long due;

  public Cadence(Duration period) {
    this(period, System::nanoTime);
  }

  Cadence(Duration period, LongSupplier nanoTime) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a period must be positive, not " + period);
    }
    this.period = period.toNanos();
    this.longest = this.period * IDLE_FACTOR;
    this.current = this.period;
    this.nanoTime = nanoTime;
    this.due = nanoTime.getAsLong();
  }

  /** True when the current period has passed since it last was; then the next period starts. */
  public synchronized boolean due() {
    long now = nanoTime.getAsLong();
    if (now - due < 0) {
      return false;
    }
    due = now + current;
    return true;
  }

  /** What the run found: nothing backs the next periods off, anything brings back the configured one. */
  public synchronized void ran(boolean foundWork) {
    if (foundWork) {
      active();
    } else {
      long next = Math.min(current * 2, longest);
      due += next - current;
      current = next;
    }
  }

  /** Work arrived: back to the configured period, counted from now at the latest. */
  public synchronized void active() {
    current = period;
    long now = nanoTime.getAsLong();
    if (due - (now + period) > 0) {
      due = now + period;
    }
  }

  /** The period between runs now: the configured one, or longer while the work is idle. */
  public synchronized Duration current() {
    return Duration.ofNanos(current);
  }
}
