package dev.refinery.console.operations;

import dev.refinery.console.Formats;
import dev.refinery.shared.monitoring.Fleet;
import dev.refinery.shared.monitoring.FleetStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.stream.Collectors;

/**
 * Backs {@code console/operations/fleet.xhtml}: every running instance, each queue as the broker
 * and the event log see it, the outbox's backlog.
 */
@Named
@RequestScoped
public class FleetBacking {

  @Inject Fleet fleet;

  @Inject Formats formats;

  private Fleet.Snapshot snapshot;

  public Fleet.Snapshot getFleet() {
    if (snapshot == null) {
      snapshot = fleet.snapshot();
    }
    return snapshot;
  }

  /** "scanner 3 s ago, poller paused 12 s ago, detector not yet". */
  public String work(FleetStore.Beat beat) {
    return beat.work().stream()
        .map(
            tick ->
                tick.key()
                    + " "
                    + (tick.paused() ? "paused " : "")
                    + (tick.lastTick() == null ? "not yet" : formats.ago(tick.lastTick())))
        .collect(Collectors.joining(", "));
  }
}
