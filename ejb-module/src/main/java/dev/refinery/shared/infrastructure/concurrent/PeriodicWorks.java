package dev.refinery.shared.infrastructure.concurrent;

import dev.refinery.shared.infrastructure.management.RefineryMetric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The periodic work of this instance (scanner, poller, detector), for health and for operators; in
 * {@code /metrics} as {@code refinery_scheduling_runs{work=<key>}}, how often each ran here. Each
 * work added is announced ({@link Added}): monitoring gives operators its JMX handle, whose actions
 * go through the audited boundary.
 */
@ApplicationScoped
public class PeriodicWorks {

  /** A periodic work now runs on this instance. */
  public record Added(PeriodicWork work) {}

  private final List<PeriodicWork> works = new CopyOnWriteArrayList<>();

  @Inject MetricRegistry registry;

  @Inject Event<Added> added;

  public PeriodicWork add(PeriodicWork work) {
    works.removeIf(existing -> existing.key().equals(work.key()));
    works.add(work);
    Tag tag = new Tag("work", work.key());
    registry.remove(new MetricID(RefineryMetric.SCHEDULING_RUNS.metricName(), tag));
    registry.gauge(RefineryMetric.SCHEDULING_RUNS.metadata(), work, PeriodicWork::runs, tag);
    added.fire(new Added(work));
    return work;
  }

  public List<PeriodicWork> all() {
    return List.copyOf(works);
  }
}
