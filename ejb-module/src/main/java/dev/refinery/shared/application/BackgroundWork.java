package dev.refinery.shared.application;

import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWorks;
import dev.refinery.shared.logging.LogText;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;

/**
 * The background work of this instance (the scanner, the poller, the detector): an operator pauses,
 * resumes or runs one now from the console, as over JMX; each action is in the audit trail with
 * who. A pause holds on this instance only (each instance runs its own).
 */
@Stateless
public class BackgroundWork {

  private static final System.Logger LOG = System.getLogger(BackgroundWork.class.getName());

  @Inject PeriodicWorks works;

  @Inject AuditTrail audit;

  /** One background work as operators see it. */
  public record State(
      String key, String name, long intervalSeconds, Instant lastTick, long runs, boolean paused) {}

  public List<State> all() {
    return works.all().stream()
        .map(
            work ->
                new State(
                    work.key(),
                    work.name(),
                    work.interval().toSeconds(),
                    work.lastTick(),
                    work.runs(),
                    work.paused()))
        .toList();
  }

  public void pause(String key, String actor) {
    work(key).pause();
    recorded(actor, "WORK_PAUSED", key);
  }

  public void resume(String key, String actor) {
    work(key).resume();
    recorded(actor, "WORK_RESUMED", key);
  }

  public void runNow(String key, String actor) {
    work(key).wake();
    recorded(actor, "WORK_RUN_NOW", key);
  }

  private PeriodicWork work(String key) {
    return works.all().stream()
        .filter(work -> work.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no background work named " + key));
  }

  private void recorded(String actor, String action, String key) {
    audit.record(actor, action, key, null, "on this instance");
    LOG.log(Level.INFO, "{0}: {1} {2}", LogText.escaped(actor), action, key);
  }
}
