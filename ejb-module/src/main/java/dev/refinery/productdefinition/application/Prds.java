package dev.refinery.productdefinition.application;

import dev.refinery.productdefinition.api.AgentCosts;
import dev.refinery.productdefinition.api.AgentRunView;
import dev.refinery.productdefinition.api.PrdVersion;
import dev.refinery.productdefinition.domain.AgentRuns;
import dev.refinery.productdefinition.domain.PrdVersions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Reading a task's PRD versions and agent runs. */
@Stateless
public class Prds {

  @Inject PrdVersions versions;

  @Inject AgentRuns runs;

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
