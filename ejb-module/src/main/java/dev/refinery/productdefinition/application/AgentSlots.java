package dev.refinery.productdefinition.application;

import dev.refinery.shared.monitoring.AgentCapacity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** This instance's agent slots, from the poller that takes them, for the Fleet page. */
@ApplicationScoped
public class AgentSlots implements AgentCapacity {

  @Inject TaskPollingService poller;

  @Override
  public int slots() {
    return poller.concurrency();
  }

  @Override
  public int busy() {
    return poller.inFlight();
  }
}
