package dev.refinery;

import static dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.humaninteraction.application.Notifications;
import dev.refinery.orchestration.api.AlertCleared;
import dev.refinery.orchestration.api.AlertRaised;
import dev.refinery.orchestration.api.FailingProbe;
import dev.refinery.orchestration.application.StallDetector;
import dev.refinery.productdefinition.application.TaskPollingService;
import dev.refinery.shared.infrastructure.management.Jmx;
import dev.refinery.shared.infrastructure.management.RefineryMetric;
import dev.refinery.shared.infrastructure.messaging.outbox.OutboxRelay;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.shared.monitoring.AlertNotifications;
import dev.refinery.shared.monitoring.Alerts;
import dev.refinery.shared.monitoring.EventLog;
import dev.refinery.shared.monitoring.MachineStalls;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.management.Notification;
import javax.management.NotificationListener;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Stalled workflows, the service-level ladder, and metrics against the event log, inside Payara
 * Micro.
 */
final class AlertChecks {

  private static final List<DomainEvent> ALERT_EVENTS = new CopyOnWriteArrayList<>();
  private static volatile boolean subscribed;

  private final WorkflowContainerChecks workflow;
  private final TaskPollingService poller;
  private final Alerts alerts;
  private final Notifications notifications;
  private final EventLog log;
  private final MetricRegistry metrics;

  AlertChecks(
      WorkflowContainerChecks workflow,
      TaskPollingService poller,
      Alerts alerts,
      Notifications notifications,
      EventLog log,
      MetricRegistry metrics,
      MessageQueue queue) {
    this.workflow = workflow;
    this.poller = poller;
    this.alerts = alerts;
    this.notifications = notifications;
    this.log = log;
    this.metrics = metrics;
    if (!subscribed) {
      subscribed = true;
      queue.subscribeToEvents(
          BoundedContext.ORCHESTRATION,
          Set.of(AlertRaised.class, AlertCleared.class),
          envelope -> ALERT_EVENTS.add((DomainEvent) envelope.payload()));
    }
  }

  /**
   * A task left in REQUEST_VALIDATION past its threshold (4 s here) while the agent is paused: one
   * alert with its task id, in the log, the metric, JMX and the event stream, however many cycles
   * see it; the agent resumes, the task moves on, the alert clears.
   */
  void stalledTaskRaisesOneAlertEverywhereAndResumingClearsIt() throws Exception {
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(
                record.getLevel()
                    + " "
                    + String.valueOf(
                        record.getParameters() == null
                            ? record.getMessage()
                            : java.text.MessageFormat.format(
                                record.getMessage(), record.getParameters())));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger alertsLog = Logger.getLogger(Alerts.class.getName());
    alertsLog.addHandler(capture);
    List<Notification> jmx = new CopyOnWriteArrayList<>();
    NotificationListener listener = (notification, handback) -> jmx.add(notification);
    var server = ManagementFactory.getPlatformMBeanServer();
    server.addNotificationListener(Jmx.name("type=Alerts"), listener, null, null);
    Tag kind = new Tag("kind", "stalled-workflow");
    long raisedBefore =
        metrics
            .counter(RefineryMetric.ALERTS.metadata(), kind, new Tag("state", "raised"))
            .getCount();
    UUID task;
    String condition;
    poller.pause();
    try {
      task = workflow.submit("Stalls while the agent is paused", "HIGH");
      condition = "stalled:" + task;
      awaitAtLeast(() -> raised(condition).size(), 1, 20_000);
      Thread.sleep(3_000); // three more detector cycles: still one alert
      assertThat(raised(condition))
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.taskId()).isEqualTo(task.toString());
                assertThat(event.kind()).isEqualTo("stalled-workflow");
                assertThat(event.summary()).contains("REQUEST_VALIDATION");
              });
      assertThat(alerts.open()).filteredOn(alert -> alert.condition().equals(condition)).hasSize(1);
      assertThat(logged)
          .filteredOn(
              line -> line.startsWith("WARNING Alert raised") && line.contains(task.toString()))
          .hasSize(1);
      assertThat(jmx)
          .filteredOn(
              n ->
                  n.getType().equals(AlertNotifications.RAISED)
                      && task.toString().equals(((Map<?, ?>) n.getUserData()).get("taskId")))
          .hasSize(1);
      assertThat(
              metrics
                  .counter(RefineryMetric.ALERTS.metadata(), kind, new Tag("state", "raised"))
                  .getCount())
          .isGreaterThan(raisedBefore);
      assertThat(
              metrics
                  .getGauge(new org.eclipse.microprofile.metrics.MetricID("refinery.tasks.stalled"))
                  .getValue()
                  .longValue())
          .isGreaterThanOrEqualTo(1);
    } finally {
      poller.resume();
      server.removeNotificationListener(Jmx.name("type=Alerts"), listener);
    }
    workflow.awaitStatus(task, TaskStatus.PRD_VALIDATION);
    awaitAtLeast(
        () ->
            (int)
                ALERT_EVENTS.stream()
                    .filter(e -> e instanceof AlertCleared c && c.condition().equals(condition))
                    .count(),
        1,
        20_000);
    assertThat(alerts.open()).noneMatch(alert -> alert.condition().equals(condition));
    alertsLog.removeHandler(capture);
  }

  /**
   * A clarification nobody answers: reminder to the requester, escalation to the operators, then
   * expiry, in that order.
   */
  void unansweredClarificationIsRemindedThenEscalatedThenExpired() throws Exception {
    UUID task = workflow.submit("Make reporting better", "", "LOW", "liv");
    workflow.awaitStatus(task, TaskStatus.CLARIFICATION_NEEDED);

    workflow.awaitStatus(task, TaskStatus.CANCELLED);

    List<dev.refinery.humaninteraction.api.Notification> mine =
        new ArrayList<>(notifications.inbox("liv", 100));
    mine.addAll(notifications.inbox("operators", 500));
    List<dev.refinery.humaninteraction.api.Notification> ladder =
        mine.stream()
            .filter(n -> n.taskId().equals(task) && n.kind().startsWith("CLARIFICATION_"))
            .sorted(Comparator.comparing(dev.refinery.humaninteraction.api.Notification::createdAt))
            .toList();
    assertThat(ladder)
        .extracting(n -> n.recipient() + " " + n.kind() + " " + n.step())
        .containsExactly("liv CLARIFICATION_REMINDER 1", "operators CLARIFICATION_ESCALATION 1");
    assertThat(
            workflow.rows(
                "SELECT step FROM orchestration.sla_step WHERE task_id = ? ORDER BY taken_at",
                task))
        .extracting(row -> row[0])
        .containsExactly("remind", "escalate", "expire");
    assertThat(
            workflow.rows(
                "SELECT actor, detail FROM taskmanagement.task_history WHERE task_id = ? AND event"
                    + " = 'TaskCancelled'",
                task))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row[0]).isEqualTo("service-levels");
              assertThat((String) row[1]).contains("refinery.sla.clarification.expire");
            });
  }

  /**
   * Messages kept in the outbox past its threshold (3 s here) while the relay is stopped: an alert,
   * cleared once they go out.
   */
  void outboxHeldPastItsThresholdIsAnAlertUntilItDrains(OutboxRelay relay) throws Exception {
    relay.pause();
    try {
      workflow.submit("Waits in the outbox", "LOW");
      awaitAtLeast(() -> openOf("outbox-stalled"), 1, 20_000);
      assertThat(alerts.open())
          .filteredOn(alert -> alert.condition().equals("outbox-stalled"))
          .singleElement()
          .satisfies(
              alert ->
                  assertThat(alert.summary()).contains("waited in the outbox").contains("broker"));
    } finally {
      relay.resume();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(openOf("outbox-stalled"))
                    .as("cleared once the outbox drained")
                    .isZero());
  }

  private int openOf(String condition) {
    return (int)
        alerts.open().stream().filter(alert -> alert.condition().equals(condition)).count();
  }

  /** A message type failing more than its share over the window: an alert naming the type. */
  void messageTypeFailingTooOftenIsAnAlert(
      MessageQueue queue, jakarta.transaction.UserTransaction transaction) throws Exception {
    if (!failingSubscribed) {
      failingSubscribed = true;
      queue.subscribeToCommands(
          BoundedContext.ORCHESTRATION,
          Set.of(FailingProbe.class),
          envelope -> {
            throw new ProbeRefused("refused by the test: " + envelope.payload().correlationId());
          });
    }
    for (int i = 0; i < MachineStalls.MIN_ATTEMPTS; i++) {
      transaction.begin();
      queue.publishCommand(ORCHESTRATION, new FailingProbe("failing-" + UUID.randomUUID()));
      transaction.commit();
    }
    awaitAtLeast(() -> openOf("error-rate:orchestration.FailingProbe"), 1, 30_000);
    assertThat(alerts.open())
        .filteredOn(alert -> alert.condition().equals("error-rate:orchestration.FailingProbe"))
        .singleElement()
        .satisfies(alert -> assertThat(alert.summary()).contains("consumptions failed"));
  }

  /**
   * A context queue that did not consume the last heartbeat: with the detector paused, a heartbeat
   * that no context consumed (written straight into the event log) is the latest one; every queue
   * is alerted. The detector resumes, its heartbeats are consumed, the alerts clear.
   */
  void queueThatDidNotConsumeTheHeartbeatIsAnAlert(
      StallDetector detector, MachineStalls machine, javax.sql.DataSource dataSource)
      throws Exception {
    detector.pause();
    try {
      Thread.sleep(4_500); // past the heartbeat age (3 s here) since the last real heartbeat
      try (var connection = dataSource.getConnection();
          var insert =
              connection.prepareStatement(
                  "INSERT INTO monitoring.event_log (recorded_at, direction, message_id, type,"
                      + " kind, source, target, outcome, attempt, duration_us) VALUES (now() -"
                      + " interval '3500 milliseconds', 'PUBLISHED', ?, 'orchestration.Heartbeat',"
                      + " 'EVENT', 'orchestration', 'subscribers', 'published', 1, 0)")) {
        insert.setObject(1, UUID.randomUUID());
        insert.executeUpdate();
      }
      machine.detect();
      assertThat(alerts.open())
          .filteredOn(alert -> alert.kind().equals("queue-unconsumed"))
          .extracting(alert -> alert.condition())
          .containsExactlyInAnyOrder(
              "queue-unconsumed:taskmanagement",
              "queue-unconsumed:humaninteraction",
              "queue-unconsumed:productdefinition",
              "queue-unconsumed:orchestration");
    } finally {
      detector.resume();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(alerts.open())
                    .noneMatch(alert -> alert.kind().equals("queue-unconsumed")));
  }

  /** The failing probe's failure: not worth a retry. */
  static final class ProbeRefused extends RuntimeException
      implements dev.refinery.shared.messaging.NonRetryable {
    private static final long serialVersionUID = 1L;

    ProbeRefused(String message) {
      super(message);
    }
  }

  private static volatile boolean failingSubscribed;

  /** After 50 workflows, the message counters moved exactly as many as the event log has lines. */
  void metricsMatchTheEventLogAfterFiftyWorkflows() throws Exception {
    List<String> types =
        List.of(
            "taskmanagement.CreateTask",
            "taskmanagement.StartRequestValidation",
            "taskmanagement.SubmitPrd",
            "taskmanagement.PrdSubmitted");
    Map<String, long[]> before = counts(types);
    List<UUID> tasks = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      tasks.add(workflow.submit("Measured " + i, "MEDIUM"));
    }
    for (UUID task : tasks) {
      workflow.awaitStatus(task, TaskStatus.PRD_VALIDATION);
    }
    Thread.sleep(1_000); // the last consumptions' lines follow their commits
    Map<String, long[]> after = counts(types);
    for (String type : types) {
      long[] from = before.get(type);
      long[] to = after.get(type);
      assertThat(to[0] - from[0])
          .as("%s consumed ok: counter", type)
          .isGreaterThanOrEqualTo(50)
          .isEqualTo(to[1] - from[1]);
      assertThat(to[2] - from[2])
          .as("%s published: counter", type)
          .isGreaterThanOrEqualTo(50)
          .isEqualTo(to[3] - from[3]);
    }
  }

  /**
   * Per type: consumed-ok counter, consumed-ok log lines, published counter, published log lines.
   */
  private Map<String, long[]> counts(List<String> types) throws Exception {
    log.flush();
    Map<String, long[]> counts = new java.util.HashMap<>();
    for (String type : types) {
      Tag typeTag = new Tag("type", type);
      long consumed =
          metrics
              .counter(
                  "refinery.messages",
                  new Tag("direction", "consumed"),
                  typeTag,
                  new Tag("outcome", "ok"))
              .getCount();
      long published =
          metrics
              .counter(
                  "refinery.messages",
                  new Tag("direction", "published"),
                  typeTag,
                  new Tag("outcome", "published"))
              .getCount();
      long consumedLines =
          log.find(new EventLog.Filter(null, type, null, null), 100_000).stream()
              .filter(line -> line.direction().equals("CONSUMED") && line.outcome().equals("ok"))
              .count();
      long publishedLines =
          log.find(new EventLog.Filter(null, type, null, null), 100_000).stream()
              .filter(line -> line.direction().equals("PUBLISHED"))
              .count();
      counts.put(type, new long[] {consumed, consumedLines, published, publishedLines});
    }
    return counts;
  }

  private List<AlertRaised> raised(String condition) {
    return ALERT_EVENTS.stream()
        .filter(e -> e instanceof AlertRaised r && r.condition().equals(condition))
        .map(AlertRaised.class::cast)
        .toList();
  }

  private static void awaitAtLeast(Supplier<Integer> value, int atLeast, long millis) {
    await()
        .atMost(Duration.ofMillis(millis))
        .untilAsserted(() -> assertThat(value.get()).isGreaterThanOrEqualTo(atLeast));
  }
}
