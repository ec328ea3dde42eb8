package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.application.DecisionTakenException;
import dev.refinery.humaninteraction.application.Decisions;
import dev.refinery.humaninteraction.application.TaskViews;
import dev.refinery.productdefinition.application.TaskPollingService;
import dev.refinery.shared.application.DeadLetters;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.monitoring.BrokerQueues;
import dev.refinery.shared.monitoring.Fleet;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
  private final Fleet fleet;
  private final TaskPollingService poller;
  private final BrokerQueues broker;

  OperationsContainerChecks(
      WorkflowContainerChecks workflow,
      Decisions decisions,
      TaskViews views,
      DeadLetters deadLetters,
      Fleet fleet,
      TaskPollingService poller,
      BrokerQueues broker) {
    this.workflow = workflow;
    this.decisions = decisions;
    this.views = views;
    this.deadLetters = deadLetters;
    this.fleet = fleet;
    this.poller = poller;
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
              assertThat(me.beat().agentSlots()).isEqualTo(poller.concurrency());
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
