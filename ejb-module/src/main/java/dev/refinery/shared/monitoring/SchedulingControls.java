package dev.refinery.shared.monitoring;

import dev.refinery.shared.application.BackgroundWork;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWorks;
import dev.refinery.shared.infrastructure.management.ApplicationCalls;
import dev.refinery.shared.infrastructure.management.Jmx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ObjectName;

/**
 * The operators' JMX handle on each periodic work, {@code dev.refinery:type=Scheduling,name=<key>}:
 * paused or not, last tick, interval; pause, resume and run now go through {@link BackgroundWork}
 * as the JMX caller ({@link JmxCaller}), so they are audited as the console's are.
 */
@ApplicationScoped
public class SchedulingControls {

  /** The operators' handle on one periodic work. */
  public interface SchedulingMXBean {
    boolean isPaused();

    String getLastTick();

    long getIntervalSeconds();

    /** Pauses it on this instance; audited as the JMX caller. */
    void pause();

    /** Resumes it on this instance; audited as the JMX caller. */
    void resume();

    /** Runs it now (on its own thread), whatever the interval says; a paused one stays paused. */
    void runNow();
  }

  @Inject BackgroundWork background;

  @Inject ApplicationCalls calls;

  private final Set<ObjectName> registered = ConcurrentHashMap.newKeySet();

  void register(@Observes PeriodicWorks.Added added) {
    ObjectName name = Jmx.name("type=Scheduling,name=" + added.work().key());
    Jmx.register(handle(added.work()), SchedulingMXBean.class, name, calls);
    registered.add(name);
  }

  @PreDestroy
  void unregister() {
    registered.forEach(Jmx::unregister);
  }

  SchedulingMXBean handle(PeriodicWork work) {
    return new SchedulingMXBean() {
      @Override
      public boolean isPaused() {
        return work.paused();
      }

      @Override
      public String getLastTick() {
        return String.valueOf(work.lastTick());
      }

      @Override
      public long getIntervalSeconds() {
        return work.interval().toSeconds();
      }

      @Override
      public void pause() {
        background.pause(work.key(), JmxCaller.caller());
      }

      @Override
      public void resume() {
        background.resume(work.key(), JmxCaller.caller());
      }

      @Override
      public void runNow() {
        background.runNow(work.key(), JmxCaller.caller());
      }
    };
  }
}
