package dev.refinery.shared.application;

import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWorks;
import java.util.List;

/** The background work boundary over given works, as the container would build it. */
public final class BackgroundWorkHarness {

  private BackgroundWorkHarness() {}

  public static BackgroundWork over(AuditTrail audit, PeriodicWork... works) {
    BackgroundWork work = new BackgroundWork();
    work.audit = audit;
    work.works =
        new PeriodicWorks() {
          @Override
          public List<PeriodicWork> all() {
            return List.of(works);
          }
        };
    return work;
  }
}
