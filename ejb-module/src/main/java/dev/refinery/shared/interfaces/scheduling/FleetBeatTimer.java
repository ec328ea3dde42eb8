package dev.refinery.shared.interfaces.scheduling;

import dev.refinery.shared.monitoring.Fleet;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/** Says every ten seconds that this instance is alive, for the Fleet page. */
@Singleton
public class FleetBeatTimer {

  private static final System.Logger LOG = System.getLogger(FleetBeatTimer.class.getName());

  @Inject Fleet fleet;

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "fleet beat")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void beat() {
    try {
      fleet.beat();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "This instance could not say it is alive: {0}", e.toString());
    }
  }
}
