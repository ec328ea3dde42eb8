package dev.refinery.orchestration.application;

import dev.refinery.orchestration.domain.Workflow;
import dev.refinery.orchestration.domain.WorkflowRepository;
import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.Alerts;
import dev.refinery.taskmanagement.api.TaskStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Workflows in a state for longer than its threshold ({@code refinery.stalled.<STATE>}, an ISO-8601
 * duration; unset means the state is not watched): one open alert per stalled task, cleared when
 * the task moves on.
 */
@Stateless
public class StalledWorkflows {

  public static final String KIND = "stalled-workflow";
  private static final int LIMIT = 1_000;

  @Inject WorkflowRepository workflows;

  @Inject Alerts alerts;

  @Inject Config config;

  @Inject Clock clock;

  /** Raises and clears the stalled-workflow alerts; returns how many tasks are stalled now. */
  public int detect() {
    Instant now = clock.instant();
    Map<String, Alert> stalled = new LinkedHashMap<>();
    thresholds()
        .forEach(
            (state, threshold) -> {
              for (Workflow workflow :
                  workflows.inStatusSince(state, now.minus(threshold), LIMIT)) {
                String task = workflow.taskId().toString();
                Duration waited = Duration.between(workflow.state().updatedAt(), now);
                stalled.put(
                    "stalled:" + task,
                    Alert.of(
                        "stalled:" + task,
                        KIND,
                        "task '"
                            + workflow.state().title()
                            + "' has been "
                            + state
                            + " for "
                            + minutes(waited)
                            + " (threshold "
                            + minutes(threshold)
                            + ")",
                        task,
                        null));
              }
            });
    alerts.reconcile(KIND, stalled);
    return stalled.size();
  }

  /** The watched states and their thresholds. */
  public Map<TaskStatus, Duration> thresholds() {
    Map<TaskStatus, Duration> thresholds = new EnumMap<>(TaskStatus.class);
    for (TaskStatus state : TaskStatus.values()) {
      Optional<Duration> threshold =
          config.getOptionalValue("refinery.stalled." + state.name(), Duration.class);
      threshold.ifPresent(value -> thresholds.put(state, value));
    }
    return thresholds;
  }

  private static String minutes(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
  }
}
