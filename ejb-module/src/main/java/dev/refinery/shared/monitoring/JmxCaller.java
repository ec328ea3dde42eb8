package dev.refinery.shared.monitoring;

import java.security.Principal;
import java.util.Optional;
import javax.security.auth.Subject;

/**
 * Who is calling an MBean operation, for the audit trail: the principal a JMX connector with
 * authentication signed in, else the operating-system user the server runs as (only that user can
 * attach to its JVM or reach its local agent). Never a name the caller types.
 */
final class JmxCaller {

  private JmxCaller() {}

  static String actor() {
    return "jmx:"
        + Optional.ofNullable(Subject.current())
            .flatMap(subject -> subject.getPrincipals().stream().findFirst())
            .map(Principal::getName)
            .orElseGet(() -> System.getProperty("user.name"));
  }
}
