package dev.refinery.shared.infrastructure.concurrent;

import dev.refinery.shared.infrastructure.management.Jmx;
import dev.refinery.shared.infrastructure.management.RefineryMetric;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.ObjectName;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The periodic work of this instance (scanner, poller, detector), for health, and for operators as
 * {@code dev.refinery:type=Scheduling,name=<key>} MBeans: paused or not, last tick, pause, resume,
 * run now; and in {@code /metrics} as {@code refinery_scheduling_runs{work=<key>}}, how often each
 * ran here.
 */
@ApplicationScoped
public class PeriodicWorks {

  /** The operators' handle on one periodic work. */
  public interface SchedulingMXBean {
    boolean isPaused();

    String getLastTick();

    long getIntervalSeconds();

    void pause();

    void resume();

    /** Runs it now (on its own thread), whatever the interval says; a paused one stays paused. */
    void runNow();
  }

  private final List<PeriodicWork> works = new CopyOnWriteArrayList<>();

  @Inject MetricRegistry registry;

  public PeriodicWork add(PeriodicWork work) {
    works.removeIf(existing -> existing.key().equals(work.key()));
    works.add(work);
    Tag tag = new Tag("work", work.key());
    registry.remove(new MetricID(RefineryMetric.SCHEDULING_RUNS.metricName(), tag));
    registry.gauge(RefineryMetric.SCHEDULING_RUNS.metadata(), work, PeriodicWork::runs, tag);
    Jmx.register(
        new SchedulingMXBean() {
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
            work.pause();
          }

          @Override
          public void resume() {
            work.resume();
          }

          @Override
          public void runNow() {
            work.wake();
          }
        },
        name(work));
    return work;
  }

  public List<PeriodicWork> all() {
    return List.copyOf(works);
  }

  @PreDestroy
  void unregister() {
    works.forEach(work -> Jmx.unregister(name(work)));
  }

  private static ObjectName name(PeriodicWork work) {
    return Jmx.name("type=Scheduling,name=" + work.key());
  }
}
