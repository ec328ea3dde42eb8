package dev.refinery.shared.infrastructure.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DelayedRunTest {

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final AtomicInteger runs = new AtomicInteger();
  private final Semaphore ran = new Semaphore(0);
  private final DelayedRun run =
      new DelayedRun(
          () -> {
            runs.incrementAndGet();
            ran.release();
          },
          20);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void schedulesNothingUntilAsked() {
    run.runOn(scheduler);

    assertThat(scheduler.getQueue()).isEmpty();
    assertThat(run.pending()).isFalse();
  }

  @Test
  void asksWhileOneIsPendingShareThatRun() throws InterruptedException {
    run.runOn(scheduler);

    run.request();
    run.request();
    run.request();

    assertThat(scheduler.getQueue()).hasSize(1);
    assertThat(ran.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(100);
    assertThat(runs).hasValue(1);
    assertThat(scheduler.getQueue()).isEmpty();
  }

  @Test
  void anAskAfterTheRunStartedGetsARunOfItsOwn() throws InterruptedException {
    run.runOn(scheduler);

    run.request();
    assertThat(ran.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
    run.request();

    assertThat(ran.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
    assertThat(runs).hasValue(2);
  }

  @Test
  void workThatAsksAgainRunsAgainUntilItStopsAsking() throws InterruptedException {
    AtomicInteger left = new AtomicInteger(3);
    DelayedRun[] self = new DelayedRun[1];
    self[0] =
        new DelayedRun(
            () -> {
              if (left.decrementAndGet() > 0) {
                self[0].request();
              } else {
                ran.release();
              }
            },
            5);
    self[0].runOn(scheduler);

    self[0].request();

    assertThat(ran.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(50); // the last run returns from its work
    assertThat(left).hasValue(0);
    assertThat(self[0].pending()).isFalse();
    assertThat(scheduler.getQueue()).isEmpty();
  }

  @Test
  void anAskWhileItRunsGetsOneMoreRunAfterItNeverTwoAtOnce() throws InterruptedException {
    Semaphore inside = new Semaphore(0);
    Semaphore release = new Semaphore(0);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    DelayedRun slow =
        new DelayedRun(
            () -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              inside.release();
              release.acquireUninterruptibly();
              running.decrementAndGet();
              runs.incrementAndGet();
            },
            1);
    ScheduledThreadPoolExecutor two = new ScheduledThreadPoolExecutor(2);
    try {
      slow.runOn(two);
      slow.request();
      assertThat(inside.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

      slow.request(); // while the first run is inside its work
      slow.request();
      Thread.sleep(50);
      assertThat(inside.availablePermits()).isZero(); // the second waits for the first
      release.release();

      assertThat(inside.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
      release.release();
      Thread.sleep(50);
      assertThat(runs).hasValue(2);
      assertThat(most).hasValue(1);
      assertThat(slow.pending()).isFalse();
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void anExecutorShuttingDownLeavesNothingPending() {
    run.runOn(scheduler);
    scheduler.shutdown();

    run.request();

    assertThat(run.pending()).isFalse();
  }

  @Test
  void cancelledRunDoesNotRun() throws InterruptedException {
    run.runOn(scheduler);

    run.request();
    run.cancel();

    assertThat(ran.tryAcquire(200, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(runs).hasValue(0);
  }
}
