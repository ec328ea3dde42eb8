package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.application.DecisionTakenException;
import dev.refinery.humaninteraction.application.Decisions;
import dev.refinery.humaninteraction.application.TaskViews;
import dev.refinery.productdefinition.application.AgentInterventions;
import dev.refinery.productdefinition.application.AgentWork;
import dev.refinery.productdefinition.application.TaskPollingService;
import dev.refinery.shared.application.DeadLetters;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.monitoring.BrokerQueues;
import dev.refinery.shared.monitoring.Fleet;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * What operators and approvers rely on beyond the workflow, on PostgreSQL and RabbitMQ inside
 * Payara Micro: two approvers deciding at the same moment (one wins, the other is told, one command
 * goes out), and the fleet as this instance and the broker report it.
 */
final class OperationsContainerChecks {

  private final WorkflowContainerChecks workflow;
  private final Decisions decisions;
  private final TaskViews views;
  private final DeadLetters deadLetters;
  private final Agents agents;
  private final Fleet fleet;
  private final BrokerQueues broker;

  /** The agent's side: the poller, the work queue's claims, the operators' hand, the database. */
  record Agents(
      TaskPollingService poller,
      AgentWork work,
      AgentInterventions interventions,
      DataSource dataSource) {}

  OperationsContainerChecks(
      WorkflowContainerChecks workflow,
      Decisions decisions,
      TaskViews views,
      DeadLetters deadLetters,
      Agents agents,
      Fleet fleet,
      BrokerQueues broker) {
    this.workflow = workflow;
    this.decisions = decisions;
    this.views = views;
    this.deadLetters = deadLetters;
    this.agents = agents;
    this.fleet = fleet;
    this.broker = broker;
  }

  /**
   * bo approves and cy rejects the same revision on two threads released together: the row lock on
   * the task's view lets one through; the other is refused naming the winner; the task ends where
   * the winner sent it, and nothing is dead-lettered.
   */
  void twoApproversDecidingAtOnceOneWinsAndTheOtherIsTold() throws Exception {
    for (int round = 0; round < 5; round++) {
      UUID task = workflow.submit("Raced review " + round + " " + System.nanoTime(), "HIGH");
      workflow.awaitStatus(task, TaskStatus.PRD_VALIDATION);
      await("Human Interaction's view of " + task)
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> views.find(task).map(TaskViews.View::status),
              status -> status.filter(s -> s == TaskStatus.PRD_VALIDATION).isPresent());
      Caller bo = new Caller("bo", Set.of(Role.APPROVER));
      Caller cy = new Caller("cy", Set.of(Role.APPROVER));
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      List<Future<String>> outcomes = new ArrayList<>();
      try {
        outcomes.add(
            threads.submit(() -> decide(start, () -> decisions.approve(task, bo, null), "bo")));
        outcomes.add(
            threads.submit(
                () -> decide(start, () -> decisions.reject(task, cy, null, "Too vague"), "cy")));
        start.countDown();
        List<String> told = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
          told.add(outcome.get());
        }
        assertThat(told).as("one decision goes through").containsOnlyOnce("sent");
        String winner = told.get(0).equals("sent") ? "bo" : "cy";
        String loser = winner.equals("bo") ? told.get(1) : told.get(0);
        assertThat(loser)
            .startsWith(winner + (winner.equals("bo") ? " approved" : " sent the PRD back"))
            .endsWith("was not sent");
        workflow.awaitStatus(
            task, winner.equals("bo") ? TaskStatus.PRD_APPROVED : TaskStatus.PRD_VALIDATION);
        if (winner.equals("cy")) {
          await("revision 2 of " + task)
              .atMost(Duration.ofSeconds(30))
              .until(() -> views.find(task).map(TaskViews.View::revision).orElse(0) == 2);
        }
        assertThat(deadLetters.viewsOfTask(task.toString()))
            .as("the losing command, which used to be dead-lettered")
            .isEmpty();
      } finally {
        threads.shutdownNow();
      }
    }
  }

  private static String decide(CountDownLatch start, Runnable decision, String who)
      throws InterruptedException {
    start.await();
    try {
      decision.run();
      return "sent";
    } catch (DecisionTakenException e) {
      assertThat(e.decidedBy()).isNotEqualTo(who);
      return e.getMessage();
    }
  }

  /**
   * A run that seems stuck, under a lease another instance holds (its name written over this
   * one's): an operator has the agent run again; the lease ends at once, still named for its
   * holder; the poller's next claim takes the work over under a new token, named for this instance,
   * and the task reaches review. The operator is in the audit log.
   */
  void operatorRunsAStuckAgentAgainAndTheNextClaimTakesItOver() throws Exception {
    agents.poller().pause();
    UUID task;
    try {
      task = workflow.submit("Stuck agent " + System.nanoTime(), "HIGH");
      await("the work of " + task + " READY")
          .atMost(Duration.ofSeconds(30))
          .until(() -> "READY".equals(column(task, "status")));
      assertThat(agents.work().claim(TaskPollingService.POOL, 10, Duration.ofMinutes(10)))
          .extracting(claim -> claim.taskId())
          .contains(task);
      update(task, "UPDATE productdefinition.work_item SET lease_holder = 'gone-host:1'");

      assertThat(
              agents.interventions().runAgainNow(task, new Caller("opal", Set.of(Role.OPERATOR))))
          .isEqualTo(AgentInterventions.Outcome.RUNS_NOW);

      assertThat(column(task, "lease_holder"))
          .as("the lease ended by the operator still names its holder")
          .isEqualTo("gone-host:1");
      assertThat(column(task, "lease_until <= now()")).isEqualTo("true");
    } finally {
      agents.poller().resume();
    }
    workflow.awaitStatus(task, TaskStatus.PRD_VALIDATION);
    assertThat(
            workflow.rows(
                "SELECT action, actor FROM monitoring.audit_entry WHERE task_id = CAST(? AS text)"
                    + " AND action = 'AGENT_RUN_AGAIN'",
                task))
        .singleElement()
        .satisfies(row -> assertThat(row[1]).isEqualTo("opal"));
    assertThat(
            workflow.rows(
                "SELECT count(*) FROM productdefinition.agent_run WHERE task_id = ?", task))
        .singleElement()
        .satisfies(row -> assertThat(((Number) row[0]).longValue()).isEqualTo(1));
  }

  private String column(UUID task, String expression) throws SQLException {
    Object value =
        workflow.rows(
                "SELECT ("
                    + expression
                    + ")::text FROM productdefinition.work_item WHERE task_id = ?",
                task)
            .getFirst()[0];
    return (String) value;
  }

  private void update(UUID task, String sql) throws SQLException {
    try (Connection connection = agents.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql + " WHERE task_id = ?")) {
      statement.setObject(1, task);
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }

  /**
   * This instance beats and is on the fleet with its version and agent slots; every context's queue
   * has the broker's depth and at least one consumer; the outbox's backlog is read.
   */
  void fleetShowsThisInstanceTheBrokersQueuesAndTheOutbox() {
    fleet.beat();

    Fleet.Snapshot snapshot = fleet.snapshot();

    assertThat(snapshot.instances())
        .filteredOn(Fleet.Member::self)
        .singleElement()
        .satisfies(
            me -> {
              assertThat(me.gone()).isFalse();
              assertThat(me.beat().version()).matches("\\d+\\.\\d+\\.\\d+.*");
              assertThat(me.beat().agentSlots()).isEqualTo(agents.poller().concurrency());
              assertThat(me.beat().work())
                  .extracting(tick -> tick.key())
                  .contains("scanner", "poller", "detector");
            });
    for (BoundedContext context : BoundedContext.values()) {
      assertThat(snapshot.queues())
          .filteredOn(queue -> queue.name().equals(context.queue()))
          .singleElement()
          .satisfies(
              queue -> {
                assertThat(queue.broker())
                    .as("the broker's figures of " + queue.name())
                    .isNotNull();
                assertThat(queue.broker().consumers()).isGreaterThanOrEqualTo(1);
                assertThat(queue.lastMinute()).isNotNull();
              });
    }
    assertThat(snapshot.outboxBacklog()).isGreaterThanOrEqualTo(0);
    assertThat(broker.figures("refinery.no-such-queue-" + System.nanoTime()))
        .as("a queue the broker does not have: no figures, and no error")
        .isEmpty();
    assertThat(broker.figures(BoundedContext.TASK_MANAGEMENT.queue())).isPresent();
  }
}
