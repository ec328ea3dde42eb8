package dev.refinery.shared.infrastructure.concurrent;

import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a piece of work a delay after someone asks for it: asks while a run is scheduled share that
 * run, asks while it runs get one more run after it (never two at once). Nothing is scheduled while
 * nobody asks: unlike a fixed-delay schedule, an idle instance spends nothing on it (each task of a
 * managed executor costs its context set-up, work or not).
 */
public final class DelayedRun {

  private static final int IDLE = 0;
  private static final int SCHEDULED = 1;
  private static final int RUNNING = 2;
  private static final int RUNNING_ASKED_AGAIN = 3;

  private final Runnable work;
  private final long delayMillis;
  private final AtomicInteger state = new AtomicInteger(IDLE);
  private volatile ScheduledExecutorService scheduler;
  private volatile Future<?> next;

  public DelayedRun(Runnable work, long delayMillis) {
    this.work = work;
    this.delayMillis = delayMillis;
  }

  /** Where the work runs; set once the container hands out its managed scheduled executor. */
  public void runOn(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * A run within the delay. Cheap when one is already scheduled (one read): callers on the hot
   * path, such as every event log line, mostly find it so.
   */
  public void request() {
    while (scheduler != null) {
      int now = state.get();
      if (now == SCHEDULED || now == RUNNING_ASKED_AGAIN) {
        return;
      }
      if (now == IDLE && state.compareAndSet(IDLE, SCHEDULED)) {
        schedule();
        return;
      }
      if (now == RUNNING && state.compareAndSet(RUNNING, RUNNING_ASKED_AGAIN)) {
        return;
      }
    }
  }

  /** Whether a run is scheduled or running. */
  public boolean pending() {
    return state.get() != IDLE;
  }

  /** Drops the scheduled run, if any (the owner is stopping and does the work itself). */
  public void cancel() {
    Future<?> scheduled = next;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }

  private void schedule() {
    try {
      next = scheduler.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      state.set(
          IDLE); // the container is shutting the executor down: the owner's stop does the work
    }
  }

  private void run() {
    state.set(RUNNING); // what is asked from now on is not in this run: it gets one of its own
    try {
      work.run();
    } finally {
      if (!state.compareAndSet(RUNNING, IDLE)) {
        state.set(SCHEDULED); // asked again while running
        schedule();
      }
    }
  }
}
