package dev.refinery.productdefinition.application;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.productdefinition.domain.WorkItem;
import dev.refinery.productdefinition.domain.WorkQueue;
import dev.refinery.shared.application.AuditTrail;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.logging.LogText;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.UUID;

/**
 * What an OPERATOR does to a task's agent work: run the agent again now, when an attempt waits for
 * its retry time or a run seems stuck (see {@link WorkItem#runAgainNow}). Audited.
 */
@Stateless
public class AgentInterventions {

  private static final System.Logger LOG = System.getLogger(AgentInterventions.class.getName());

  /** What came of asking the agent to run again. */
  public enum Outcome {
    /** The work is due now: the next poll (on any instance) claims it. */
    RUNS_NOW,
    /** No agent work is owed: it waits for people, is done, or failed (retry the task instead). */
    NOTHING_TO_RUN,
    /** Product Definition has no work for the task. */
    UNKNOWN
  }

  @Inject WorkQueue work;

  @Inject AuditTrail audit;

  @Inject Clock clock;

  public Outcome runAgainNow(UUID task, Caller caller) {
    if (!caller.has(Role.OPERATOR, Role.ADMIN)) {
      throw new NotPermittedException(
          caller.name() + " may not run the agent again: it needs the role OPERATOR");
    }
    WorkItem item = work.lock(task).orElse(null);
    if (item == null) {
      return Outcome.UNKNOWN;
    }
    WorkItem.State before = item.state();
    String holder = work.leaseHolder(task).orElse("nobody");
    if (!item.runAgainNow(clock.instant())) {
      return Outcome.NOTHING_TO_RUN;
    }
    work.save(item);
    String detail =
        switch (before.status()) {
          case RUNNING -> "a run under a lease until " + before.leaseUntil() + " held by " + holder;
          default -> "attempt " + (before.attempts() + 1) + " due at " + before.availableAt();
        };
    audit.record(caller.name(), "AGENT_RUN_AGAIN", task.toString(), task.toString(), detail);
    LOG.log(
        Level.INFO,
        "{0} had the agent run again on task {1} ({2})",
        LogText.escaped(caller.name()),
        task,
        detail);
    return Outcome.RUNS_NOW;
  }
}
