package dev.refinery.shared.monitoring;

/** This instance's agent slots, as the context that runs agents reports them. */
public interface AgentCapacity {

  int slots();

  int busy();
}
