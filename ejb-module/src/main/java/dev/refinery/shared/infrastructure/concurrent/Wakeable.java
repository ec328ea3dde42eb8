package dev.refinery.shared.infrastructure.concurrent;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a piece of work on an executor when woken: wakes while it runs make it run once more
 * afterwards, never twice at once, and none are lost. Paused, it keeps the wakes for when it
 * resumes.
 */
public final class Wakeable {

  private static final System.Logger LOG = System.getLogger(Wakeable.class.getName());

  private final String name;
  private final Runnable work;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile boolean paused;
  private volatile Executor executor;

  public Wakeable(String name, Runnable work) {
    this.name = name;
    this.work = work;
  }

  /** Where the work runs; set once the container hands out its managed executor. */
  public void runOn(Executor executor) {
    this.executor = executor;
  }

  public void wake() {
    pending.set(true);
    if (!paused && executor != null && running.compareAndSet(false, true)) {
      executor.execute(this::run);
    }
  }

  public void pause() {
    paused = true;
    LOG.log(Level.INFO, "{0} paused", name);
  }

  public void resume() {
    paused = false;
    LOG.log(Level.INFO, "{0} resumed", name);
    wake();
  }

  public boolean paused() {
    return paused;
  }

  private void run() {
    try {
      while (!paused && pending.getAndSet(false)) {
        work.run();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, name + " failed; the next wake or tick runs it again", e);
    } finally {
      running.set(false);
    }
    if (pending.get() && !paused && running.compareAndSet(false, true)) {
      executor.execute(this::run);
    }
  }
}
