package dev.refinery.console;

import dev.refinery.orchestration.application.WorkflowGauges;
import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.Alerts;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.application.WorkflowStatistics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Backs {@code console/dashboard.xhtml}: tasks per state, throughput, step latency, alerts, waiting
 * work.
 */
@Named
@RequestScoped
public class DashboardBacking {

  private static final Duration WINDOW = Duration.ofHours(1);
  private static final Duration BUCKET = Duration.ofMinutes(5);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  /** One state's tile. */
  public record StateCount(String state, long count, long oldestSeconds) {}

  @Inject WorkflowGauges gauges;

  @Inject WorkflowStatistics statistics;

  @Inject Alerts alerts;

  private List<WorkflowStatistics.StepLatency> latencies;

  public List<StateCount> getStates() {
    Map<String, Long> counts = gauges.tasksPerState();
    Map<String, Long> oldest = gauges.oldestAgeSecondsPerState();
    List<StateCount> states = new ArrayList<>();
    for (TaskStatus state : TaskStatus.values()) {
      states.add(
          new StateCount(
              state.name(),
              counts.getOrDefault(state.name(), 0L),
              oldest.getOrDefault(state.name(), 0L)));
    }
    return states;
  }

  /**
   * Chart.js configuration: submissions, PRDs and approvals per five minutes over the last hour.
   */
  public String getThroughputChart() {
    Instant end = Instant.now();
    long bucketSeconds = BUCKET.toSeconds();
    long first = (end.minus(WINDOW).getEpochSecond() / bucketSeconds + 1) * bucketSeconds;
    List<Instant> starts = new ArrayList<>();
    for (long at = first; at <= end.getEpochSecond(); at += bucketSeconds) {
      starts.add(Instant.ofEpochSecond(at));
    }
    List<WorkflowStatistics.Bucket> buckets = statistics.throughput(WINDOW, BUCKET);
    JsonArrayBuilder labels = Json.createArrayBuilder();
    starts.forEach(start -> labels.add(CLOCK.format(start)));
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    String[][] series = {
      {"TaskCreated", "Submitted", "#6366f1"},
      {"PrdSubmitted", "PRDs written", "#f59e0b"},
      {"PrdApproved", "Approved", "#10b981"}
    };
    for (String[] one : series) {
      JsonArrayBuilder data = Json.createArrayBuilder();
      for (Instant start : starts) {
        data.add(
            buckets.stream()
                .filter(b -> b.event().equals(one[0]) && b.start().equals(start))
                .mapToLong(WorkflowStatistics.Bucket::count)
                .sum());
      }
      datasets.add(
          Json.createObjectBuilder()
              .add("label", one[1])
              .add("data", data)
              .add("backgroundColor", one[2]));
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }

  /** Read once per request: the chart and the table show the same figures. */
  public List<WorkflowStatistics.StepLatency> getLatencies() {
    if (latencies == null) {
      latencies = statistics.stepLatencies(Duration.ofDays(1));
    }
    return latencies;
  }

  /**
   * Chart.js configuration: p50 and p90 seconds spent in each state before the next step, last day.
   */
  public String getLatencyChart() {
    List<WorkflowStatistics.StepLatency> latencies = getLatencies();
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder p50 = Json.createArrayBuilder();
    JsonArrayBuilder p90 = Json.createArrayBuilder();
    for (WorkflowStatistics.StepLatency latency : latencies) {
      labels.add(latency.state());
      p50.add(Math.round(latency.p50Seconds() * 100) / 100.0);
      p90.add(Math.round(latency.p90Seconds() * 100) / 100.0);
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "p50 (s)")
                                .add("data", p50)
                                .add("backgroundColor", "#6366f1"))
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "p90 (s)")
                                .add("data", p90)
                                .add("backgroundColor", "#f59e0b"))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add("indexAxis", "y"))
        .build()
        .toString();
  }

  public List<WorkflowStatistics.Waiting> getWaiting() {
    return statistics.oldestWaiting(8);
  }

  public List<Alert> getAlerts() {
    return alerts.open();
  }
}
