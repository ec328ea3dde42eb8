package dev.refinery.productdefinition.application;

import dev.refinery.productdefinition.api.AgentCosts;
import dev.refinery.productdefinition.api.AgentRunView;
import dev.refinery.productdefinition.api.PrdVersion;
import dev.refinery.productdefinition.api.WorkView;
import dev.refinery.productdefinition.domain.AgentRuns;
import dev.refinery.productdefinition.domain.PrdVersions;
import dev.refinery.productdefinition.domain.WorkItem;
import dev.refinery.productdefinition.domain.WorkQueue;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading a task's PRD versions, agent runs and where its agent work stands. */
@Stateless
public class Prds {

  @Inject PrdVersions versions;

  @Inject AgentRuns runs;

  @Inject WorkQueue work;

  /** Where the task's agent work stands now; empty before Product Definition has heard of it. */
  public Optional<WorkView> work(UUID task) {
    return work.find(task)
        .map(WorkItem::state)
        .map(
            state ->
                new WorkView(
                    state.status().name(),
                    state.round(),
                    state.revision(),
                    state.attempts(),
                    state.availableAt(),
                    state.leaseUntil(),
                    state.lastError(),
                    work.leaseHolder(task).orElse(null)));
  }

  public List<PrdVersion> versions(UUID task) {
    return versions.of(task);
  }

  public AgentCosts costs(UUID task) {
    return runs.costs(task);
  }

  public List<AgentRunView> runs(UUID task) {
    return runs.of(task);
  }
}
