package dev.refinery.productdefinition.application;

import dev.refinery.shared.monitoring.ApplicationCalls;
import dev.refinery.shared.monitoring.Jmx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import javax.management.ObjectName;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The agents as operators watch them: runs in flight on this instance ({@code refinery_agent_in_flight})
 * and, as {@code dev.refinery:type=Agents}, the totals of every run kept: runs, tokens, cost.
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

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject MetricRegistry registry;

  @Inject ApplicationCalls calls;

  @Inject TaskPollingService poller;

  void register(@Observes Startup startup) {
    registry.gauge("refinery.agent.in.flight", () -> poller.inFlight());
    Jmx.register(new AgentsMXBean() {
      @Override public int getInFlight() { return poller.inFlight(); }
      @Override public long getRuns() { return ((Number) totals()[0]).longValue(); }
      @Override public long getTokensIn() { return ((Number) totals()[1]).longValue(); }
      @Override public long getTokensOut() { return ((Number) totals()[2]).longValue(); }
      @Override public BigDecimal getCostUsd() { return (BigDecimal) totals()[3]; }
    }, AgentsMXBean.class, NAME, calls);
  }

  @PreDestroy
  void unregister() {
    Jmx.unregister(NAME);
  }

  private Object[] totals() {
    return (Object[]) entityManager.createNativeQuery("SELECT count(*), coalesce(sum(tokens_in), 0),"
        + " coalesce(sum(tokens_out), 0), coalesce(sum(cost_usd), 0) FROM productdefinition.agent_run").getSingleResult();
  }
}
