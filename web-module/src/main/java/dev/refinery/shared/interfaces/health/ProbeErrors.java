package dev.refinery.shared.interfaces.health;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a failing health check says to anyone who asks, and what it tells the server log: probes are
 * public, so the answer names only the kind of failure; the message (hosts, ports, SQL states) goes
 * to the log, once each time it changes.
 */
final class ProbeErrors {

  private static final System.Logger LOG = System.getLogger(ProbeErrors.class.getName());
  private static final Map<String, String> LAST = new ConcurrentHashMap<>();

  private ProbeErrors() {}

  /**
   * The public text for the check's failure; the detail is logged when it differs from the last
   * one.
   */
  static String reported(String check, Exception failure) {
    String detail = failure.getClass().getName() + ": " + failure.getMessage();
    if (!Objects.equals(LAST.put(check, detail), detail)) {
      LOG.log(Level.WARNING, "Health check {0} is down: {1}", check, detail);
    }
    return failure.getClass().getSimpleName() + " (details in the server log)";
  }

  /** The check is up again: its next failure is logged even if it is the same as the last. */
  static void cleared(String check) {
    LAST.remove(check);
  }
}
