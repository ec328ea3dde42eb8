package dev.refinery.shared.infrastructure.concurrent;

import java.time.Duration;
import java.time.Instant;

/**
 * Work woken by events and, as a safety net, every configured interval: an EJB timer ticks it each
 * second (its schedule is fixed in code), the {@link Cadence} turns ticks into wakes. Work that says what
 * it found backs off while it finds nothing (up to {@link Cadence#IDLE_FACTOR} intervals), and is back at
 * its interval once it finds something or is woken. Remembers the last tick, so health can tell a
 * scheduler that stopped ticking.
 */
public final class PeriodicWork {

  private final String key;
  private final String name;
  private final Duration interval;
  private final Wakeable wakeable;
  private final Cadence cadence;
  private volatile Instant lastTick;
  private final java.util.concurrent.atomic.LongAdder runs = new java.util.concurrent.atomic.LongAdder();

  /**
   * @param key short and stable: {@code scanner}, {@code poller}, {@code detector} (operators' names)
   * @param name what log lines call it
   */
  public PeriodicWork(String key, String name, Duration interval, Runnable work) {
    this(key, name, interval, () -> {
      work.run();
      return true;
    });
  }

  /** @param work runs once, and answers whether it found anything to do (else the work backs off) */
  public PeriodicWork(String key, String name, Duration interval, java.util.function.BooleanSupplier work) {
    this.key = key;
    this.name = name;
    this.interval = interval;
    this.cadence = new Cadence(interval);
    this.wakeable = new Wakeable(name, () -> {
      runs.increment();
      cadence.ran(work.getAsBoolean());
    });
  }

  public void runOn(java.util.concurrent.Executor executor) {
    wakeable.runOn(executor);
  }

  /** What the timer calls each second. */
  public void tick() {
    lastTick = Instant.now();
    if (cadence.due()) {
      wakeable.wake();
    }
  }

  /** Runs it now (on its executor): there is work, so it is back at its interval. */
  public void wake() {
    cadence.active();
    wakeable.wake();
  }

  /** The time between runs now: the interval, or up to {@link Cadence#IDLE_FACTOR} times it while idle. */
  public Duration currentInterval() {
    return cadence.current();
  }

  public void pause() {
    wakeable.pause();
  }

  public void resume() {
    wakeable.resume();
  }

  public boolean paused() {
    return wakeable.paused();
  }

  public String key() {
    return key;
  }

  public String name() {
    return name;
  }

  public Duration interval() {
    return interval;
  }

  /** How many times the work ran on this instance (woken, ticked or run now). */
  public long runs() {
    return runs.sum();
  }

  /** The timer's last tick, or null before the first. */
  public Instant lastTick() {
    return lastTick;
  }
}
