package dev.refinery.orchestration.application;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.Alerts;
import dev.refinery.taskmanagement.api.TaskStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Workflows in a state for longer than its threshold ({@code refinery.stalled.<STATE>}, an ISO-8601
 * duration; unset means the state is not watched): one open alert per stalled task, cleared when the task
 * moves on.
 */
@Stateless
public class StalledWorkflows {

  public static final String KIND = "stalled-workflow";
  private static final int LIMIT = 1_000;

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject Alerts alerts;

  @Inject Config config;

  @Inject Clock clock;

  /** Raises and clears the stalled-workflow alerts; returns how many tasks are stalled now. */
  @SuppressWarnings("unchecked")
  public int detect() {
    Instant now = clock.instant();
    Map<String, Alert> stalled = new LinkedHashMap<>();
    thresholds().forEach((state, threshold) -> {
      List<Object[]> rows = entityManager.createNativeQuery("SELECT task_id, title, updated_at FROM orchestration.workflow"
              + " WHERE status = ? AND updated_at < ? ORDER BY updated_at LIMIT ?")
          .setParameter(1, state.name()).setParameter(2, Timestamp.from(now.minus(threshold))).setParameter(3, LIMIT)
          .getResultList();
      for (Object[] row : rows) {
        String task = row[0].toString();
        Instant since = instant(row[2]);
        stalled.put("stalled:" + task, Alert.of("stalled:" + task, KIND, "task '" + row[1] + "' has been " + state
            + " for " + minutes(Duration.between(since, now)) + " (threshold " + minutes(threshold) + ")", task, null));
      }
    });
    alerts.reconcile(KIND, stalled);
    return stalled.size();
  }

  /** The watched states and their thresholds. */
  public Map<TaskStatus, Duration> thresholds() {
    Map<TaskStatus, Duration> thresholds = new EnumMap<>(TaskStatus.class);
    for (TaskStatus state : TaskStatus.values()) {
      Optional<Duration> threshold = config.getOptionalValue("refinery.stalled." + state.name(), Duration.class);
      threshold.ifPresent(value -> thresholds.put(state, value));
    }
    return thresholds;
  }

  private static String minutes(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
  }
}
