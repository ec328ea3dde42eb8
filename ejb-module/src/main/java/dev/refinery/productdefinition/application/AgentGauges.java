package dev.refinery.productdefinition.application;

import dev.refinery.productdefinition.domain.AgentRuns;
import dev.refinery.shared.infrastructure.management.ApplicationCalls;
import dev.refinery.shared.infrastructure.management.Jmx;
import dev.refinery.shared.infrastructure.management.RefineryMetric;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import javax.management.ObjectName;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The agents as operators watch them: runs in flight on this instance ({@code
 * refinery_agent_in_flight}) and, as {@code dev.refinery:type=Agents}, the totals of every run
 * kept: runs, tokens, cost.
 */
@ApplicationScoped
public class AgentGauges {

  /** {@code dev.refinery:type=Agents}. */
  public interface AgentsMXBean {
    int getInFlight();

    long getRuns();

    long getTokensIn();

    long getTokensOut();

    BigDecimal getCostUsd();
  }

  static final ObjectName NAME = Jmx.name("type=Agents");

  @Inject AgentRuns runs;

  @Inject MetricRegistry registry;

  @Inject ApplicationCalls calls;

  @Inject TaskPollingService poller;

  void register(@Observes Startup startup) {
    registry.gauge(RefineryMetric.AGENT_IN_FLIGHT.metadata(), () -> poller.inFlight());
    Jmx.register(
        new AgentsMXBean() {
          @Override
          public int getInFlight() {
            return poller.inFlight();
          }

          @Override
          public long getRuns() {
            return runs.total().runs();
          }

          @Override
          public long getTokensIn() {
            return runs.total().tokensIn();
          }

          @Override
          public long getTokensOut() {
            return runs.total().tokensOut();
          }

          @Override
          public BigDecimal getCostUsd() {
            return runs.total().costUsd();
          }
        },
        AgentsMXBean.class,
        NAME,
        calls);
  }

  @PreDestroy
  void unregister() {
    Jmx.unregister(NAME);
  }
}
