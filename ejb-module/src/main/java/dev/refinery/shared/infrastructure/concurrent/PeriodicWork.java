package dev.refinery.shared.infrastructure.concurrent;

import java.time.Duration;
import java.time.Instant;

/**
 * Work woken by events and, as a safety net, every configured interval: an EJB timer ticks it each
 * second (its schedule is fixed in code), the {@link Cadence} turns ticks into wakes. Remembers the
 * last tick, so health can tell a scheduler that stopped ticking.
 */
public final class PeriodicWork {

  private final String key;
  private final String name;
  private final Duration interval;
  private final Wakeable wakeable;
  private final Cadence cadence;
  private volatile Instant lastTick;
  private final java.util.concurrent.atomic.LongAdder runs =
      new java.util.concurrent.atomic.LongAdder();

  /**
   * @param key short and stable: {@code scanner}, {@code poller}, {@code detector} (operators'
   *     names)
   * @param name what log lines call it
   */
  public PeriodicWork(String key, String name, Duration interval, Runnable work) {
    this.key = key;
    this.name = name;
    this.interval = interval;
    this.wakeable =
        new Wakeable(
            name,
            () -> {
              runs.increment();
              work.run();
            });
    this.cadence = new Cadence(interval);
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

  public void wake() {
    wakeable.wake();
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
