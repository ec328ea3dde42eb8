package dev.refinery.shared.application;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
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
 * resumes or runs one now from the console, as over JMX (OPERATORs and ADMINs only); each action is
 * in the audit trail with who. A pause holds on this instance only (each instance runs its own).
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

  public void pause(String key, Caller caller) {
    Permissions.require(caller, Role.OPERATOR, "pause background work");
    work(key).pause();
    recorded(caller, "WORK_PAUSED", key);
  }

  public void resume(String key, Caller caller) {
    Permissions.require(caller, Role.OPERATOR, "resume background work");
    work(key).resume();
    recorded(caller, "WORK_RESUMED", key);
  }

  public void runNow(String key, Caller caller) {
    Permissions.require(caller, Role.OPERATOR, "run background work now");
    work(key).wake();
    recorded(caller, "WORK_RUN_NOW", key);
  }

  private PeriodicWork work(String key) {
    return works.all().stream()
        .filter(work -> work.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no background work named " + key));
  }

  private void recorded(Caller caller, String action, String key) {
    audit.record(caller.name(), action, key, null, "on this instance");
    LOG.log(Level.INFO, "{0}: {1} {2}", LogText.escaped(caller.name()), action, key);
  }
}
