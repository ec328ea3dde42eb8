package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.api.SubmitRequest;
import dev.refinery.humaninteraction.application.Decisions;
import dev.refinery.humaninteraction.application.InvalidDecisionException;
import dev.refinery.humaninteraction.application.Requests;
import dev.refinery.humaninteraction.application.TaskViews;
import dev.refinery.orchestration.application.TaskScanningService;
import dev.refinery.orchestration.application.WorkflowScans;
import dev.refinery.productdefinition.api.AgentRunFailed;
import dev.refinery.productdefinition.application.AgentWork;
import dev.refinery.productdefinition.application.TaskPollingService;
import dev.refinery.productdefinition.domain.ProductManagerAgent;
import dev.refinery.productdefinition.domain.WorkClaim;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.PrdSubmitted;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.RequestValidationStarted;
import dev.refinery.taskmanagement.api.TaskCancelled;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import javax.sql.DataSource;

/**
 * The workflow's services inside Payara Micro: priorities, competing scanners and pollers, agent
 * faults.
 */
final class WorkflowContainerChecks {

  /** A request the offline agent can write a PRD for at once. */
  static final String COMPLETE =
      "Finance users export invoices manually every month, which takes hours. So that they save a"
          + " day a month, the system must export a month of invoices as CSV; done when finance can"
          + " download it.";

  private static final Map<String, List<AgentRunFailed>> ALERTS = new ConcurrentHashMap<>();
  private static volatile boolean alertsSubscribed;

  private final Requests requests;
  private final Tasks tasks;
  private final TaskScanningService scanner;
  private final WorkflowScans scans;
  private final TaskPollingService poller;
  private final AgentWork work;
  private final ProductManagerAgent agent;
  private final DataSource dataSource;

  WorkflowContainerChecks(
      Requests requests,
      Tasks tasks,
      TaskScanningService scanner,
      WorkflowScans scans,
      TaskPollingService poller,
      AgentWork work,
      ProductManagerAgent agent,
      DataSource dataSource,
      MessageQueue queue) {
    this.requests = requests;
    this.tasks = tasks;
    this.scanner = scanner;
    this.scans = scans;
    this.poller = poller;
    this.work = work;
    this.agent = agent;
    this.dataSource = dataSource;
    subscribeToAlerts(queue);
  }

  void criticalTaskSubmittedAfterTwentyLowOnesIsProcessedFirst() throws Exception {
    poller.pause();
    List<UUID> low = new ArrayList<>();
    UUID critical;
    try {
      for (int i = 0; i < 20; i++) {
        low.add(submit("Low " + i, "LOW"));
      }
      critical = submit("Critical one", "CRITICAL");
      List<UUID> all = new ArrayList<>(low);
      all.add(critical);
      awaitCount(
          "SELECT count(*) FROM productdefinition.work_item WHERE status = 'READY' AND task_id ="
              + " ANY (?)",
          all,
          21);
    } finally {
      poller.resume();
    }
    for (UUID task : low) {
      awaitStatus(task, TaskStatus.PRD_VALIDATION);
    }
    long criticalRun = firstRun(critical);
    for (UUID task : low) {
      assertThat(firstRun(task))
          .as("the critical task's agent run comes before this low one's")
          .isGreaterThan(criticalRun);
    }
  }

  void twoScannersAndTwoPollersAtOnceDoEveryStepOnce() throws Exception {
    scanner.pause();
    poller.pause();
    List<UUID> batch = new ArrayList<>();
    try {
      for (int i = 0; i < 30; i++) {
        batch.add(submit("Competing " + i, "MEDIUM"));
      }
      awaitCount(
          "SELECT count(*) FROM orchestration.workflow WHERE status = 'NEW' AND task_id = ANY (?)",
          batch,
          30);
      assertThat(twice(scans::startNewTasks))
          .as("StartRequestValidation sent by two scanners together")
          .isEqualTo(30);

      awaitCount(
          "SELECT count(*) FROM productdefinition.work_item WHERE status = 'READY' AND task_id ="
              + " ANY (?)",
          batch,
          30);
      List<UUID> claimed = new CopyOnWriteArrayList<>();
      assertThat(
              twice(
                  () -> {
                    List<WorkClaim> claims =
                        work.claim(TaskPollingService.POOL, 4, Duration.ofSeconds(5));
                    claims.forEach(claim -> claimed.add(claim.taskId()));
                    return claims.size();
                  }))
          .as("work items claimed by two pollers together")
          .isGreaterThanOrEqualTo(30);
      assertThat(claimed.stream().filter(batch::contains).distinct().count()).isEqualTo(30);
      assertThat(claimed.stream().filter(batch::contains).count())
          .as("no item held by both")
          .isEqualTo(30);
      assertThat(
              count(
                  "SELECT count(*) FROM productdefinition.work_item WHERE status = 'RUNNING'"
                      + " AND lease_holder = '"
                      + java.net.InetAddress.getLocalHost().getHostName()
                      + ":"
                      + ProcessHandle.current().pid()
                      + "' AND task_id = ANY (?)",
                  batch))
          .as("leases held by this instance, by name, for the task page")
          .isEqualTo(30);
      poller.resume(); // the test's leases run out; the real poller takes the work over

      // Orchestration's own view follows Task Management's events
      awaitCount(
          "SELECT count(*) FROM orchestration.workflow WHERE status = 'PRD_VALIDATION' AND task_id"
              + " = ANY (?)",
          batch,
          30);
    } finally {
      poller.resume();
      scanner.resume();
    }
    // Human Interaction told the approvers once per task, from PrdSubmitted
    awaitCount(
        "SELECT count(*) FROM humaninteraction.notification WHERE kind = 'PRD_REVIEW' AND task_id ="
            + " ANY (?)",
        batch,
        30);
    assertThat(
            count(
                "SELECT count(*) FROM productdefinition.prd_version WHERE task_id = ANY (?)",
                batch))
        .isEqualTo(30);
    assertThat(
            count(
                "SELECT count(*) FROM taskmanagement.task_history WHERE event ="
                    + " 'RequestValidationStarted' AND task_id = ANY (?)",
                batch))
        .isEqualTo(30);
  }

  /**
   * A holder whose lease ran out while the agent worked: its result is refused, the new holder's is
   * taken.
   */
  void lateResultFromAHolderWhoseLeaseRanOutIsRefused() throws Exception {
    poller.pause();
    UUID task;
    try {
      task = submit("Lease runs out", "CRITICAL");
      awaitCount(
          "SELECT count(*) FROM productdefinition.work_item WHERE status = 'READY' AND task_id ="
              + " ANY (?)",
          List.of(task),
          1);
      WorkClaim first = claimOf(task, Duration.ofSeconds(1));
      Thread.sleep(1_500);
      WorkClaim second = claimOf(task, Duration.ofMinutes(1));
      assertThat(second.token()).isGreaterThan(first.token());

      assertThat(work.complete(first, agent.work(work.request(first, 2))))
          .as("the first holder's late result")
          .isFalse();
      assertThat(work.complete(second, agent.work(work.request(second, 2))))
          .as("the current holder's result")
          .isTrue();
    } finally {
      poller.resume();
    }
    awaitStatus(task, TaskStatus.PRD_VALIDATION);
    assertThat(
            rows(
                "SELECT outcome FROM productdefinition.agent_run WHERE task_id = ? ORDER BY id",
                task))
        .extracting(row -> row[0])
        .containsExactly("REFUSED", "PRD");
    assertThat(rows("SELECT revision FROM productdefinition.prd_version WHERE task_id = ?", task))
        .hasSize(1);
  }

  /**
   * The transaction that takes an agent's result claims the next due item for the slot it frees (a
   * busy pool spends no transaction on claims of their own); a result refused as late claims
   * nothing.
   */
  void resultClaimsTheNextDueWorkForTheSlotItFrees() throws Exception {
    poller.pause(); // nothing is claimed on an event or a tick while polling is paused
    UUID done;
    UUID waiting;
    try {
      done = submit("Its result frees a slot", "CRITICAL");
      awaitCount(
          "SELECT count(*) FROM productdefinition.work_item WHERE status = 'READY' AND task_id ="
              + " ANY (?)",
          List.of(done),
          1);
      WorkClaim first = claimOf(done, Duration.ofMinutes(1));
      waiting = submit("Waits for a free slot", "CRITICAL");
      awaitCount(
          "SELECT count(*) FROM productdefinition.work_item WHERE status = 'READY' AND task_id ="
              + " ANY (?)",
          List.of(waiting),
          1);

      Optional<WorkClaim> next =
          work.completeThenClaim(
              first,
              agent.work(work.request(first, 2)),
              TaskPollingService.POOL,
              Duration.ofMinutes(1));

      assertThat(next)
          .as("claimed with the result")
          .hasValueSatisfying(claim -> assertThat(claim.taskId()).isEqualTo(waiting));
      assertThat(
              rows(
                  "SELECT status, lease_token FROM productdefinition.work_item WHERE task_id = ?",
                  waiting))
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row[0]).isEqualTo("RUNNING");
                assertThat(((Number) row[1]).longValue()).isEqualTo(next.orElseThrow().token());
              });
      assertThat(
              work.completeThenClaim(
                  first,
                  agent.work(work.request(first, 2)),
                  TaskPollingService.POOL,
                  Duration.ofMinutes(1)))
          .as("a late result's claim")
          .isEmpty();
      assertThat(work.complete(next.orElseThrow(), agent.work(work.request(next.orElseThrow(), 2))))
          .isTrue();
    } finally {
      poller.resume();
    }
    awaitStatus(done, TaskStatus.PRD_VALIDATION);
    awaitStatus(waiting, TaskStatus.PRD_VALIDATION);
  }

  /**
   * Work whose lease ran out is owed first: it is claimed again before fresh work, even a critical
   * one.
   */
  void expiredLeaseIsClaimedBeforeFreshCriticalWork() throws Exception {
    poller.pause(); // nothing is claimed on an event either while polling is paused
    try {
      UUID stalled = submit("Lease runs out before a critical one", "MEDIUM");
      awaitCount(
          "SELECT count(*) FROM productdefinition.work_item WHERE status = 'READY' AND task_id ="
              + " ANY (?)",
          List.of(stalled),
          1);
      claimOf(stalled, Duration.ofSeconds(1)); // its holder "dies"
      UUID critical = submit("Critical, after the stalled one", "CRITICAL");
      awaitCount(
          "SELECT count(*) FROM productdefinition.work_item WHERE status = 'READY' AND task_id ="
              + " ANY (?)",
          List.of(critical),
          1);
      Thread.sleep(1_500);

      List<UUID> order =
          work.claim(TaskPollingService.POOL, 50, Duration.ofSeconds(1)).stream()
              .map(WorkClaim::taskId)
              .filter(task -> task.equals(stalled) || task.equals(critical))
              .toList();
      assertThat(order).as("claim order").containsExactly(stalled, critical);
    } finally {
      poller.resume(); // the test's leases run out; the real poller takes the work over
    }
  }

  private WorkClaim claimOf(UUID task, Duration lease) {
    // Claims whatever is due, highest priority first; anything else claimed here is retaken after
    // its lease.
    return work.claim(TaskPollingService.POOL, 50, lease).stream()
        .filter(claim -> claim.taskId().equals(task))
        .findFirst()
        .orElseThrow(() -> new AssertionError("task " + task + " was not claimable"));
  }

  /**
   * An agent failing twice the way the title asks (a model server's 503 or 429), then answering.
   */
  void retryableAgentErrorIsRetriedWithGrowingDelaysThenSucceeds(String title, String failure)
      throws Exception {
    UUID task = submit(title, "HIGH");

    awaitStatus(task, TaskStatus.PRD_VALIDATION);
    List<Object[]> runs =
        rows(
            "SELECT outcome, finished_at FROM productdefinition.agent_run WHERE task_id = ? ORDER"
                + " BY id",
            task);
    assertThat(runs).extracting(row -> row[0]).containsExactly("RETRY", "RETRY", "PRD");
    Duration firstWait =
        Duration.between(
            ((java.sql.Timestamp) runs.get(0)[1]).toInstant(),
            ((java.sql.Timestamp) runs.get(1)[1]).toInstant());
    Duration secondWait =
        Duration.between(
            ((java.sql.Timestamp) runs.get(1)[1]).toInstant(),
            ((java.sql.Timestamp) runs.get(2)[1]).toInstant());
    // the policy's delays (500 ms, 1500 ms here); each wait adds up to a poll interval (1 s), so
    // the two are held to their own delays, not compared (a first wait of 2.24 s against a second
    // of 2.01 s on 5 December)
    assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(secondWait).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    assertThat(ALERTS.getOrDefault(task.toString(), List.of()))
        .hasSize(2)
        .allSatisfy(
            alert -> {
              assertThat(alert.retryable()).isTrue();
              assertThat(alert.last()).isFalse();
              assertThat(alert.reason()).contains(failure);
            });
  }

  /**
   * An agent failing in a way no retry mends (a refused API key): the task fails, with one alert
   * saying why.
   */
  void nonRetryableAgentErrorFailsTheTaskWithAnAlert(String title, String reason) throws Exception {
    UUID task = submit(title, "HIGH");

    TaskView failed = awaitStatus(task, TaskStatus.FAILED);
    assertThat(failed.failureReason()).contains(reason);
    assertThat(alerts(task, 1))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.retryable()).isFalse();
              assertThat(alert.last()).isTrue();
              assertThat(alert.reason()).contains(reason);
            });
  }

  /** The alerts about the task once there are at least {@code expected} (waiting up to 10 s). */
  List<AgentRunFailed> alerts(UUID task, int expected) {
    return await("at least " + expected + " alerts about task " + task)
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> ALERTS.getOrDefault(task.toString(), List.of()), got -> got.size() >= expected);
  }

  UUID submit(String title, String priority) {
    return submit(title, COMPLETE, priority, "eve");
  }

  /**
   * Two consumers (or two instances) can apply a task's events out of order: an event that
   * overtakes the task's TaskCreated is retried, not dropped, and every context's view ends where
   * the events take it. Product Definition starts a work item from RequestValidationStarted alone
   * (it carries the request), and keeps a task that ended before that in its final state. The
   * scanner is paused so it does not act on these tasks, which Task Management never heard of;
   * their pool is one no poller serves.
   */
  void eventThatOvertakesTheTaskCreatedIsRetriedNotDropped(
      MessageQueue queue, UserTransaction transaction) throws Exception {
    UUID task = UUID.randomUUID();
    String id = task.toString();
    UUID ended = UUID.randomUUID();
    scanner.pause();
    try {
      publish(queue, transaction, new PrdSubmitted(id, TaskStatus.PRD_VALIDATION, 0, 1));
      // each of the two subscribing contexts retried it at least once (the first retries come
      // within ms);
      // Product Definition's queue is not bound to it
      awaitRows(
          "SELECT DISTINCT target FROM monitoring.event_log WHERE correlation_id = ?::text"
              + " AND type = 'taskmanagement.PrdSubmitted' AND outcome = 'retried'",
          task,
          2);
      assertThat(
              rows(
                  "SELECT error FROM monitoring.event_log WHERE correlation_id = ?::text AND"
                      + " outcome = 'retried'",
                  task))
          .allSatisfy(
              row -> assertThat((String) row[0]).contains("arrived before the task's first event"));
      // a failed delivery rolled back (its inbox row with it) and its redelivery, not a second run
      // of the handlers, scheduled the retry: each retry follows a failure of the same attempt in
      // the same context
      assertThat(
              rows(
                  "SELECT r.target, r.attempt FROM monitoring.event_log r WHERE r.correlation_id ="
                      + " ?::text AND r.outcome = 'retried' AND NOT EXISTS (SELECT 1 FROM"
                      + " monitoring.event_log f WHERE f.message_id = r.message_id AND f.target ="
                      + " r.target AND f.attempt = r.attempt AND f.outcome = 'failed' AND"
                      + " f.recorded_at <= r.recorded_at)",
                  task))
          .isEmpty();

      publish(
          queue,
          transaction,
          new TaskCreated(
              id, TaskStatus.NEW, 0, 0, "Early bird", "Out of order", "eve", Priority.LOW));
      awaitRows(
          "SELECT 1 FROM orchestration.workflow WHERE task_id = ? AND status = 'PRD_VALIDATION' AND"
              + " revision = 1",
          task,
          1);
      awaitRows(
          "SELECT 1 FROM humaninteraction.task_view WHERE task_id = ? AND status ="
              + " 'PRD_VALIDATION'",
          task,
          1);
      // the approvers are told by the event that makes them wait, once, when it finally applies
      awaitRows(
          "SELECT 1 FROM humaninteraction.notification WHERE task_id = ? AND recipient ="
              + " 'approvers' AND kind = 'PRD_REVIEW' AND step = 1",
          task,
          1);

      publish(
          queue,
          transaction,
          new RequestValidationStarted(
              id,
              TaskStatus.REQUEST_VALIDATION,
              0,
              0,
              "early-check",
              "Early bird",
              "Out of order",
              "eve",
              Priority.LOW));
      awaitRows(
          "SELECT 1 FROM productdefinition.work_item WHERE task_id = ? AND status = 'READY'"
              + " AND pool = 'early-check' AND title = 'Early bird' AND requester = 'eve'",
          task,
          1);
      assertThat(
              rows(
                  "SELECT target FROM monitoring.event_log WHERE correlation_id = ?::text"
                      + " AND target = 'productdefinition' AND outcome <> 'ok'",
                  task))
          .as("Product Definition needed no retry")
          .isEmpty();
      assertThat(rows("SELECT 1 FROM messaging.dead_letter WHERE correlation_id = ?::text", task))
          .isEmpty();
      assertThat(
              rows(
                  "SELECT 1 FROM messaging.failed_attempt WHERE message_id IN (SELECT message_id"
                      + " FROM monitoring.event_log WHERE correlation_id = ?::text)",
                  task))
          .as("every failure taken by its redelivery")
          .isEmpty();

      // cancelled while NEW, so Product Definition hears of it first from TaskCancelled; a
      // RequestValidationStarted delivered late fills in the request but does not make it READY
      publish(
          queue,
          transaction,
          new TaskCreated(
              ended.toString(), TaskStatus.NEW, 0, 0, "Ended early", "", "eve", Priority.LOW));
      awaitRows(
          "SELECT 1 FROM orchestration.workflow WHERE task_id = ? AND status = 'NEW'", ended, 1);
      publish(
          queue,
          transaction,
          new TaskCancelled(ended.toString(), TaskStatus.CANCELLED, 0, 0, "it", "not needed"));
      awaitRows(
          "SELECT 1 FROM productdefinition.work_item WHERE task_id = ? AND status = 'DONE'",
          ended,
          1);
      publish(
          queue,
          transaction,
          new RequestValidationStarted(
              ended.toString(),
              TaskStatus.REQUEST_VALIDATION,
              0,
              0,
              "early-check",
              "Ended early",
              "",
              "eve",
              Priority.LOW));
      awaitRows(
          "SELECT 1 FROM monitoring.event_log WHERE correlation_id = ?::text AND target ="
              + " 'productdefinition' AND type = 'taskmanagement.RequestValidationStarted' AND"
              + " outcome = 'ok'",
          ended,
          1);
      assertThat(
              rows(
                  "SELECT status, title FROM productdefinition.work_item WHERE task_id = ?", ended))
          .singleElement()
          .satisfies(row -> assertThat(row).containsExactly("DONE", "Ended early"));
    } finally {
      try {
        publish(
            queue,
            transaction,
            new TaskCancelled(id, TaskStatus.CANCELLED, 0, 1, "it", "end of the check"));
        awaitRows(
            "SELECT 1 FROM orchestration.workflow WHERE task_id = ? AND status = 'CANCELLED'",
            task,
            1);
      } finally {
        scanner.resume();
      }
    }
  }

  /**
   * A delivery whose claim failed (a connection the database ended) has its transaction marked for
   * rollback when it gives its agent slot back: the slot must come back all the same. The container
   * refused that call while the poller took part in its callers' transactions, and four leaked
   * slots left the server's poller idle with work READY (fault suite, F5 then F6, 5 December 2026).
   */
  void agentSlotComesBackFromATransactionMarkedForRollback(UserTransaction transaction)
      throws Exception {
    poller.pause(); // no poll takes or returns slots meanwhile
    try {
      int before = poller.inFlight();
      transaction.begin();
      try {
        poller.resume();
        assertThat(poller.reserve()).as("a free slot").isTrue();
        poller.pause();
        assertThat(poller.inFlight()).isEqualTo(before + 1);
        transaction.setRollbackOnly();
        poller.release();
      } finally {
        transaction.rollback();
      }
      assertThat(poller.inFlight())
          .as("agent slots in use after the slot was given back")
          .isEqualTo(before);
    } finally {
      poller.resume();
    }
  }

  private static void publish(MessageQueue queue, UserTransaction transaction, TaskEvent event)
      throws Exception {
    transaction.begin();
    queue.publishEvent(event);
    transaction.commit();
  }

  private void awaitRows(String sql, UUID task, int expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(rows(sql, task)).as(sql).hasSize(expected));
  }

  UUID submit(String title, String description, String priority, String requester) {
    return requests.submit(
        new SubmitRequest(title, description, priority, requester),
        new Caller(requester, java.util.Set.of(Role.REQUESTER)));
  }

  TaskView awaitStatus(UUID task, TaskStatus status) {
    return await("task " + task + " reaching " + status)
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> tasks.find(task),
            found -> found.filter(view -> view.status() == status).isPresent())
        .orElseThrow();
  }

  /**
   * The console answers through {@link Decisions} without the API's bean validation: an answer one
   * character past {@link Answer#MAX_TEXT} is refused there, naming the limit, and the round stays
   * open; one at the limit is taken.
   */
  void answerPastItsLimitIsRefusedAtTheBoundaryTheConsoleUses(Decisions decisions, TaskViews views)
      throws Exception {
    Caller requester = new Caller("ana-long", Set.of(Role.REQUESTER));
    UUID task =
        requests.submit(
            new SubmitRequest(
                "Make exports better", "Exports are bad.", "medium", requester.name()),
            requester);
    awaitStatus(task, TaskStatus.CLARIFICATION_NEEDED);
    await("Human Interaction's view of " + task + " waiting for answers")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> views.find(task),
            view -> view.filter(v -> v.status() == TaskStatus.CLARIFICATION_NEEDED).isPresent());
    String question = views.find(task).orElseThrow().questions().getFirst().id();

    InvalidDecisionException tooLong =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InvalidDecisionException.class,
            () ->
                decisions.answer(
                    task,
                    List.of(new Answer(question, null, "x".repeat(Answer.MAX_TEXT + 1))),
                    true,
                    requester,
                    requester.name()));

    assertThat(tooLong).as("an answer of " + (Answer.MAX_TEXT + 1) + " characters").isNotNull();
    assertThat(tooLong.field()).isEqualTo("answers");
    assertThat(tooLong.getMessage()).contains("at most " + Answer.MAX_TEXT);
    assertThat(tasks.find(task).orElseThrow().status()).isEqualTo(TaskStatus.CLARIFICATION_NEEDED);
    decisions.answer(
        task,
        List.of(new Answer(question, null, "y".repeat(Answer.MAX_TEXT))),
        true,
        requester,
        requester.name());
    await("the answer at the limit moving task " + task)
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> tasks.find(task).orElseThrow(),
            now ->
                now.status() != TaskStatus.CLARIFICATION_NEEDED || now.clarificationRound() >= 2);
  }

  /**
   * Runs the work on two threads at once until each finds nothing more to do; the sum of what they
   * did.
   */
  private static int twice(IntSupplier work) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(
            threads.submit(
                () -> {
                  int total = 0;
                  int done;
                  while ((done = work.getAsInt()) > 0) {
                    total += done;
                  }
                  return total;
                }));
      }
      return results.get(0).get() + results.get(1).get();
    } finally {
      threads.shutdownNow();
    }
  }

  private long firstRun(UUID task) throws SQLException {
    return (Long)
        rows("SELECT min(id) FROM productdefinition.agent_run WHERE task_id = ?", task)
            .getFirst()[0];
  }

  private void awaitCount(String sql, List<UUID> tasks, long expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(count(sql, tasks)).as(sql).isEqualTo(expected));
  }

  private long count(String sql, List<UUID> tasks) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("uuid", tasks.toArray()));
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  List<Object[]> rows(String sql, UUID task) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, task);
      try (ResultSet rows = statement.executeQuery()) {
        List<Object[]> found = new ArrayList<>();
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rows.getObject(i + 1);
          }
          found.add(row);
        }
        return found;
      }
    }
  }

  private static void subscribeToAlerts(MessageQueue queue) {
    if (alertsSubscribed) {
      return;
    }
    alertsSubscribed = true;
    queue.subscribeToEvents(
        BoundedContext.ORCHESTRATION,
        Set.of(AgentRunFailed.class),
        envelope -> {
          AgentRunFailed alert = (AgentRunFailed) envelope.payload();
          ALERTS.computeIfAbsent(alert.taskId(), id -> new CopyOnWriteArrayList<>()).add(alert);
        });
  }
}
