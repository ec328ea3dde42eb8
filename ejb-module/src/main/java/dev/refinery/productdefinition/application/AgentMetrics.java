package dev.refinery.productdefinition.application;

import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.shared.infrastructure.management.RefineryMetric;
import dev.refinery.shared.infrastructure.messaging.AfterCommit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.atomic.DoubleAdder;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Agent runs as metrics, counted once the run's record commits: runs by agent and outcome, tokens
 * by direction and model, and what the runs cost (this instance's total since start, in USD).
 */
@ApplicationScoped
public class AgentMetrics {

  @Inject MetricRegistry registry;

  @Inject AfterCommit afterCommit;

  private final DoubleAdder cost = new DoubleAdder();

  @PostConstruct
  void register() {
    registry.gauge(RefineryMetric.AGENT_COST.metadata(), cost, DoubleAdder::sum);
  }

  public void recorded(AgentRun run, String outcome) {
    afterCommit.run(
        () -> {
          registry
              .counter(
                  RefineryMetric.AGENT_RUNS.metadata(),
                  new Tag("agent", run.agent()),
                  new Tag("outcome", outcome))
              .inc();
          String model = Objects.requireNonNullElse(run.model(), run.agent());
          if (run.tokensIn() > 0) {
            registry
                .counter(
                    RefineryMetric.AGENT_TOKENS.metadata(),
                    new Tag("direction", "in"),
                    new Tag("model", model))
                .inc(run.tokensIn());
          }
          if (run.tokensOut() > 0) {
            registry
                .counter(
                    RefineryMetric.AGENT_TOKENS.metadata(),
                    new Tag("direction", "out"),
                    new Tag("model", model))
                .inc(run.tokensOut());
          }
          cost.add(run.costUsd());
        });
  }
}
