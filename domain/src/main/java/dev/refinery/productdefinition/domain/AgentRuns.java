package dev.refinery.productdefinition.domain;

import dev.refinery.productdefinition.api.AgentCosts;
import dev.refinery.productdefinition.api.AgentRunView;
import java.util.List;
import java.util.UUID;

/** Every agent run: what it used, cost and came to. Implemented in the EJB module. */
public interface AgentRuns {

  void record(UUID task, int attempt, AgentRun run, AgentOutcome outcome, String error);

  /** The task's runs, the first first. */
  List<AgentRunView> of(UUID task);

  AgentCosts costs(UUID task);

  /** Summed over every task. */
  AgentCosts total();
}
