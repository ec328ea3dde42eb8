package dev.refinery.productdefinition.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.productdefinition.domain.WorkStatus;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.testing.RecordingAuditTrail;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.RequestValidationStarted;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Given a task's agent work, when an operator has the agent run again, then the work is due now
 * (audited), or nothing changes and the outcome says why; anyone else is refused.
 */
class AgentInterventionsTest {

  private static final Caller OPAL = new Caller("opal", Set.of(Role.OPERATOR));
  private static final Caller ABE = new Caller("abe", Set.of(Role.APPROVER));

  private final ProductDefinitionHarness harness = new ProductDefinitionHarness();
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final AgentInterventions interventions = new AgentInterventions();

  AgentInterventionsTest() {
    interventions.work = harness.store.workQueue;
    interventions.audit = audit;
    interventions.clock = harness.clock;
  }

  private UUID ready() {
    UUID task = UUID.randomUUID();
    harness.workItems.apply(
        new RequestValidationStarted(
            task.toString(),
            TaskStatus.REQUEST_VALIDATION,
            0,
            0,
            TaskPollingService.POOL,
            "Export",
            "",
            "ana",
            Priority.LOW));
    return task;
  }

  @Test
  void aStuckRunIsTakenOverByTheNextClaimAndTheOperatorIsInTheAuditLog() {
    UUID task = ready();
    harness.work.claim(TaskPollingService.POOL, 1, ProductDefinitionHarness.LEASE);

    assertThat(interventions.runAgainNow(task, OPAL))
        .isEqualTo(AgentInterventions.Outcome.RUNS_NOW);

    assertThat(harness.store.item(task).leaseUntil()).isEqualTo(ProductDefinitionHarness.START);
    harness.clock.pass(java.time.Duration.ofMillis(1));
    assertThat(harness.work.claim(TaskPollingService.POOL, 1, ProductDefinitionHarness.LEASE))
        .singleElement()
        .satisfies(claim -> assertThat(claim.reclaimed()).isTrue());
    assertThat(audit.entries())
        .singleElement()
        .asString()
        .startsWith("opal AGENT_RUN_AGAIN " + task + ": a run under a lease until");
  }

  @Test
  void workThatWaitsForPeopleHasNothingToRunAndAnApproverIsRefused() {
    UUID task = ready();
    harness.workItems.apply(
        new dev.refinery.taskmanagement.api.ClarificationRequested(
            task.toString(), TaskStatus.CLARIFICATION_NEEDED, 1, 0, java.util.List.of()));
    assertThat(harness.store.item(task).status()).isEqualTo(WorkStatus.WAITING);

    assertThat(interventions.runAgainNow(task, OPAL))
        .isEqualTo(AgentInterventions.Outcome.NOTHING_TO_RUN);
    assertThat(interventions.runAgainNow(UUID.randomUUID(), OPAL))
        .isEqualTo(AgentInterventions.Outcome.UNKNOWN);
    assertThatThrownBy(() -> interventions.runAgainNow(task, ABE))
        .isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("needs the role OPERATOR");
    assertThat(audit.entries()).isEmpty();
  }
}
