package dev.refinery.shared.monitoring;

import java.util.Optional;

/** What the broker says of a queue right now, as the messaging adapter can ask it. */
public interface BrokerQueues {

  /** A queue's ready messages and consumers. */
  record Figures(long messages, long consumers) {}

  /** The queue's figures; empty when the broker cannot be asked (no adapter, broker down). */
  Optional<Figures> figures(String queue);
}
