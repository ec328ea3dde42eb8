package dev.refinery.orchestration.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Remind;
import dev.refinery.shared.infrastructure.messaging.deadletter.EarlyEventException;
import dev.refinery.shared.messaging.Message;
import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.Alerts;
import dev.refinery.shared.testing.MapConfig;
import dev.refinery.shared.testing.RecordingMessageQueue;
import dev.refinery.shared.testing.SettableClock;
import dev.refinery.taskmanagement.api.CancelTask;
import dev.refinery.taskmanagement.api.ClarificationRequested;
import dev.refinery.taskmanagement.api.PrdApproved;
import dev.refinery.taskmanagement.api.PrdSubmitted;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.StartRequestValidation;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Given Orchestration's view of the workflows, when events, scans and service levels come, then
 * what it asks for.
 */
class OrchestrationTest {

  private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

  private final InMemoryOrchestration store = new InMemoryOrchestration();
  private final RecordingMessageQueue queue = new RecordingMessageQueue();
  private final List<Message> published = queue.published();
  private final SettableClock clock = new SettableClock(START);
  private boolean scannerPaused;
  private final Workflows workflows = new Workflows();
  private final WorkflowScans scans = new WorkflowScans();

  OrchestrationTest() {
    workflows.workflows = store.repository;
    workflows.queue = queue;
    workflows.clock = clock;
    workflows.scanner =
        new TaskScanningService() {
          @Override
          public boolean paused() {
            return scannerPaused;
          }
        };
    scans.workflows = store.repository;
    scans.queue = queue;
    scans.clock = clock;
  }

  private UUID created(String title, Priority priority) {
    UUID task = UUID.randomUUID();
    workflows.apply(
        new TaskCreated(task.toString(), TaskStatus.NEW, 0, 0, title, "", "ana", priority));
    clock.pass(Duration.ofSeconds(1));
    return task;
  }

  @Nested
  class WhenTaskManagementSaysSomething {

    @Test
    void aNewTaskIsAskedToStartInTheSameTransaction() {
      UUID task = created("Export", Priority.HIGH);

      assertThat(published).containsExactly(new StartRequestValidation(task.toString()));
      assertThat(store.workflows.get(task).status()).isEqualTo(TaskStatus.REQUEST_VALIDATION);
    }

    @Test
    void theSameTaskCreatedAgainAsksNothingMore() {
      UUID task = created("Export", Priority.HIGH);

      workflows.apply(
          new TaskCreated(
              task.toString(), TaskStatus.NEW, 0, 0, "Export", "", "ana", Priority.HIGH));

      assertThat(published).hasSize(1);
    }

    @Test
    void newsAboutATaskNotYetCreatedHereIsRetriedLater() {
      assertThatThrownBy(
              () ->
                  workflows.apply(
                      new PrdSubmitted(
                          UUID.randomUUID().toString(), TaskStatus.PRD_VALIDATION, 0, 1)))
          .isInstanceOf(EarlyEventException.class);
    }

    @Test
    void anApprovedWorkflowIgnoresLateNews() {
      UUID task = created("Export", Priority.HIGH);
      workflows.apply(new PrdApproved(task.toString(), TaskStatus.PRD_APPROVED, 0, 1, "bo"));

      workflows.apply(
          new ClarificationRequested(
              task.toString(), TaskStatus.CLARIFICATION_NEEDED, 1, 1, List.of()));

      assertThat(store.workflows.get(task).status()).isEqualTo(TaskStatus.PRD_APPROVED);
    }
  }

  @Nested
  class WhenTheScannerRuns {

    @Test
    void tasksCreatedWhileItWasPausedStartMostUrgentFirstAndOnlyOnce() {
      scannerPaused = true;
      UUID low = created("low", Priority.LOW);
      UUID critical = created("critical", Priority.CRITICAL);
      assertThat(published).isEmpty();
      scannerPaused = false;

      int started = scans.startNewTasks();
      int again = scans.startNewTasks();

      assertThat(started).isEqualTo(2);
      assertThat(again).isZero();
      assertThat(published)
          .containsExactly(
              new StartRequestValidation(critical.toString()),
              new StartRequestValidation(low.toString()));
      assertThat(store.workflows.get(low).startRequestedAt()).isNotNull();
    }
  }

  @Nested
  class WhenTheStallDetectorLooks {

    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, Alert> open = new HashMap<>();
    private final StalledWorkflows stalled = new StalledWorkflows();

    WhenTheStallDetectorLooks() {
      stalled.workflows = store.repository;
      stalled.clock = clock;
      stalled.config = new MapConfig(settings);
      stalled.alerts =
          new Alerts() {
            @Override
            public void reconcile(String kind, Map<String, Alert> current) {
              assertThat(kind).isEqualTo(StalledWorkflows.KIND);
              open.clear();
              open.putAll(current);
            }
          };
    }

    @Test
    void aTaskLongerThanItsStatesThresholdIsOneAlertClearedWhenItMovesOn() {
      settings.put("refinery.stalled.PRD_VALIDATION", "PT10M");
      UUID task = created("Export", Priority.HIGH);
      workflows.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 0, 1));
      clock.pass(Duration.ofMinutes(11));

      int first = stalled.detect();
      workflows.apply(new PrdApproved(task.toString(), TaskStatus.PRD_APPROVED, 0, 1, "bo"));
      int after = stalled.detect();

      assertThat(first).isEqualTo(1);
      assertThat(after).isZero();
      assertThat(open).isEmpty();
    }

    @Test
    void theAlertSaysWhichTaskHowLongAndTheThreshold() {
      settings.put("refinery.stalled.PRD_VALIDATION", "PT10M");
      UUID task = created("Export", Priority.HIGH);
      workflows.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 0, 1));
      clock.pass(Duration.ofMinutes(11));

      stalled.detect();

      assertThat(open).containsOnlyKeys("stalled:" + task);
      assertThat(open.get("stalled:" + task).summary())
          .isEqualTo("task 'Export' has been PRD_VALIDATION for 11 min (threshold 10 min)");
    }

    @Test
    void aStateWithoutAThresholdIsNotWatched() {
      UUID task = created("Export", Priority.HIGH);
      workflows.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 0, 1));
      clock.pass(Duration.ofDays(3));

      assertThat(stalled.detect()).isZero();
    }
  }

  @Nested
  class WhenServiceLevelsAreDue {

    private final Map<String, String> settings = new HashMap<>();
    private final ServiceLevels levels = new ServiceLevels();

    WhenServiceLevelsAreDue() {
      levels.steps = store.steps;
      levels.queue = queue;
      levels.clock = clock;
      levels.config = new MapConfig(settings);
    }

    @Test
    void aReviewWaitingPastItsRemindTimeRemindsTheApproversOncePerRevision() {
      settings.put("refinery.sla.review.remind", "PT1H");
      UUID task = created("Export", Priority.HIGH);
      workflows.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 0, 1));
      published.clear();
      clock.pass(Duration.ofMinutes(61));

      int first = levels.advance();
      int second = levels.advance();

      assertThat(first).isEqualTo(1);
      assertThat(second).isZero();
      assertThat(published)
          .containsExactly(
              new Remind(task.toString(), "approvers", "REMINDER", "PRD_VALIDATION", 1, "Export"));
    }

    @Test
    void aClarificationPastItsEscalationGoesToTheConfiguredInboxAndPastExpiryIsCancelled() {
      settings.put("refinery.sla.clarification.escalate", "PT2H");
      settings.put("refinery.sla.clarification.expire", "PT3H");
      settings.put("refinery.sla.escalate-to", "leads");
      UUID task = created("Export", Priority.HIGH);
      workflows.apply(
          new ClarificationRequested(
              task.toString(), TaskStatus.CLARIFICATION_NEEDED, 1, 0, List.of()));
      published.clear();
      clock.pass(Duration.ofHours(2).plusSeconds(1));

      levels.advance();
      clock.pass(Duration.ofHours(1));
      levels.advance();

      assertThat(published)
          .containsExactly(
              new Remind(
                  task.toString(), "leads", "ESCALATION", "CLARIFICATION_NEEDED", 1, "Export"),
              new CancelTask(
                  task.toString(),
                  "service-levels",
                  "expired: CLARIFICATION_NEEDED for longer than PT3H"
                      + " (refinery.sla.clarification.expire)"));
    }

    @Test
    void aTaskThatMovedOnBeforeItsTimeIsLeftAlone() {
      settings.put("refinery.sla.review.remind", "PT1H");
      UUID task = created("Export", Priority.HIGH);
      workflows.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 0, 1));
      clock.pass(Duration.ofMinutes(30));
      workflows.apply(new PrdApproved(task.toString(), TaskStatus.PRD_APPROVED, 0, 1, "bo"));
      published.clear();
      clock.pass(Duration.ofHours(2));

      assertThat(levels.advance()).isZero();
      assertThat(published).isEmpty();
    }
  }
}
