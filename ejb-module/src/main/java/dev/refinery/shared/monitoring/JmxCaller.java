package dev.refinery.shared.monitoring;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * Who is calling an MBean operation: the principal a JMX connector with authentication signed in,
 * else the operating-system user the server runs as (only that user can attach to its JVM or reach
 * its local agent). Never a name the caller types.
 */
final class JmxCaller {

  private JmxCaller() {}

  /**
   * The JMX caller as the operators' boundaries take it: an OPERATOR by construction, since only
   * the server's OS user or a principal the connector authenticated reaches the MBean server.
   */
  static Caller caller() {
    return new Caller(actor(), Set.of(Role.OPERATOR));
  }

  /** The name the audit trail records: {@code jmx:<principal>}, else {@code jmx:<OS user>}. */
  private static String actor() {
    return "jmx:"
        + Optional.ofNullable(Subject.current())
            .flatMap(subject -> subject.getPrincipals().stream().findFirst())
            .map(Principal::getName)
            .orElseGet(() -> System.getProperty("user.name"));
  }
}
