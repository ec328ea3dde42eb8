package dev.refinery.shared.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where alerts are kept: one open alert per condition across every instance. */
public interface AlertStore {

  /** Opens the alert, raised at the moment, unless its condition is open already. */
  Optional<Alert> openUnlessOpen(Alert alert, Instant at);

  /** Closes the open alert of the condition at the moment, if there is one. */
  Optional<Alert> clear(String condition, Instant at);

  /** Records the acknowledgement on the condition's open alert, if there is one. */
  Optional<Alert> acknowledge(String condition, Alert.Acknowledgement acknowledgement);

  /** The open alerts, the oldest first. */
  List<Alert> open();

  /** The newest alerts, open or cleared. */
  List<Alert> recent(int limit);
}
