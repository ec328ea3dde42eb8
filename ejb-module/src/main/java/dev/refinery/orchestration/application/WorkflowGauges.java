package dev.refinery.orchestration.application;

import dev.refinery.orchestration.domain.WorkflowRepository;
import dev.refinery.shared.infrastructure.management.ApplicationCalls;
import dev.refinery.shared.infrastructure.management.Jmx;
import dev.refinery.shared.infrastructure.management.RefineryMetric;
import dev.refinery.shared.monitoring.Alerts;
import dev.refinery.taskmanagement.api.TaskStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javax.management.ObjectName;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The workflows as operators watch them, from Orchestration's own view: tasks per state, the oldest
 * task's age per state, and how many are stalled. As gauges ({@code refinery_tasks{state}}, {@code
 * refinery_tasks_oldest_seconds{state}}, {@code refinery_tasks_stalled}) and as {@code
 * dev.refinery:type=Workflow}. Read at most once a second, however often they are scraped.
 */
@ApplicationScoped
public class WorkflowGauges {

  /** {@code dev.refinery:type=Workflow}. */
  public interface WorkflowMXBean {
    Map<String, Long> getTasksPerState();

    Map<String, Long> getOldestAgeSecondsPerState();

    long getStalledTasks();
  }

  private record Snapshot(Instant at, Map<String, Long> counts, Map<String, Long> oldest) {}

  static final ObjectName NAME = Jmx.name("type=Workflow");

  @Inject WorkflowRepository workflows;

  @Inject MetricRegistry registry;

  @Inject ApplicationCalls calls;

  @Inject Alerts alerts;

  private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of(), Map.of());

  void register(@Observes Startup startup) {
    for (TaskStatus state : TaskStatus.values()) {
      registry.gauge(
          RefineryMetric.TASKS.metadata(),
          () -> current().counts().getOrDefault(state.name(), 0L),
          new Tag("state", state.name()));
      registry.gauge(
          RefineryMetric.TASKS_OLDEST.metadata(),
          () -> current().oldest().getOrDefault(state.name(), 0L),
          new Tag("state", state.name()));
    }
    registry.gauge(RefineryMetric.TASKS_STALLED.metadata(), this::stalled);
    Jmx.register(
        new WorkflowMXBean() {
          @Override
          public Map<String, Long> getTasksPerState() {
            return current().counts();
          }

          @Override
          public Map<String, Long> getOldestAgeSecondsPerState() {
            return current().oldest();
          }

          @Override
          public long getStalledTasks() {
            return stalled();
          }
        },
        WorkflowMXBean.class,
        NAME,
        calls);
  }

  @PreDestroy
  void unregister() {
    Jmx.unregister(NAME);
  }

  /** Workflows per state, as of at most a second ago. */
  public Map<String, Long> tasksPerState() {
    return current().counts();
  }

  /** Seconds the oldest workflow of each state has waited there, as of at most a second ago. */
  public Map<String, Long> oldestAgeSecondsPerState() {
    return current().oldest();
  }

  long stalled() {
    return alerts.open().stream()
        .filter(alert -> alert.kind().equals(StalledWorkflows.KIND))
        .count();
  }

  private Snapshot current() {
    Snapshot last = snapshot;
    Instant now = Instant.now();
    if (Duration.between(last.at(), now).toMillis() < 1_000) {
      return last;
    }
    Map<String, Long> counts = new TreeMap<>();
    Map<String, Long> oldest = new TreeMap<>();
    workflows
        .countByStatus()
        .forEach(
            (status, count) -> {
              counts.put(status.name(), count.count());
              oldest.put(
                  status.name(), Math.max(0, Duration.between(count.oldest(), now).toSeconds()));
            });
    snapshot = new Snapshot(now, counts, oldest);
    return snapshot;
  }
}
