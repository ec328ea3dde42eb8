package dev.refinery.shared.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.BackgroundWorkHarness;
import dev.refinery.shared.infrastructure.concurrent.PeriodicWork;
import dev.refinery.shared.infrastructure.management.ApplicationCalls;
import dev.refinery.shared.infrastructure.management.Jmx;
import dev.refinery.shared.testing.RecordingAuditTrail;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.JMXServiceURL;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

/**
 * Who an MBean operation is audited as: the principal a connector with authentication signed in,
 * else the server's OS user. A connector runs the operation on its own thread inside the
 * authenticated subject; the actor is taken there, before any other thread could be involved.
 */
class JmxCallerTest {

  private static final Subject ANNA =
      new Subject(true, Set.of(new JMXPrincipal("ops-anna")), Set.of(), Set.of());

  @Test
  void withoutASubjectTheCallerIsTheServersOsUser() {
    assertThat(JmxCaller.caller())
        .isEqualTo(new Caller("jmx:" + System.getProperty("user.name"), Set.of(Role.OPERATOR)));
  }

  @Test
  void insideAnAuthenticatedSubjectTheCallerIsItsPrincipalAnOperator() {
    Caller caller = Subject.callAs(ANNA, JmxCaller::caller);

    assertThat(caller).isEqualTo(new Caller("jmx:ops-anna", Set.of(Role.OPERATOR)));
  }

  @Test
  void anOperationThroughAnAuthenticatedConnectorIsAuditedAsItsPrincipal() throws Exception {
    RecordingAuditTrail audit = new RecordingAuditTrail();
    PeriodicWork poller = new PeriodicWork("poller", "Task polling", Duration.ofDays(1), () -> {});
    ExecutorService elsewhere = Executors.newSingleThreadExecutor();
    poller.runOn(elsewhere); // run now hops to another thread, after the actor is taken
    SchedulingControls controls = new SchedulingControls();
    controls.background = BackgroundWorkHarness.over(audit, poller);
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ObjectName name = Jmx.name("type=Scheduling,name=poller");
    server.registerMBean(
        Jmx.inApplication(
            controls.handle(poller),
            SchedulingControls.SchedulingMXBean.class,
            new ApplicationCalls()),
        name);
    JMXAuthenticator onlyAnna =
        credentials -> {
          if (credentials instanceof String[] pair
              && pair.length == 2
              && pair[0].equals("ops-anna")
              && pair[1].equals("s3cret")) {
            return ANNA;
          }
          throw new SecurityException("unknown JMX user");
        };
    JMXConnectorServer connector =
        JMXConnectorServerFactory.newJMXConnectorServer(
            new JMXServiceURL("rmi", "127.0.0.1", 0),
            Map.of(JMXConnectorServer.AUTHENTICATOR, onlyAnna),
            server);
    connector.start();
    try {
      assertThatThrownBy(() -> connect(connector, "mallory", "guess"))
          .isInstanceOf(SecurityException.class);
      try (JMXConnector client = connect(connector, "ops-anna", "s3cret")) {
        SchedulingControls.SchedulingMXBean handle =
            JMX.newMXBeanProxy(
                client.getMBeanServerConnection(), name, SchedulingControls.SchedulingMXBean.class);

        handle.pause();
        handle.resume();
        handle.runNow();
      }
    } finally {
      connector.stop();
      elsewhere.shutdown();
    }

    assertThat(audit.entries())
        .containsExactly(
            "jmx:ops-anna WORK_PAUSED poller: on this instance",
            "jmx:ops-anna WORK_RESUMED poller: on this instance",
            "jmx:ops-anna WORK_RUN_NOW poller: on this instance");
  }

  private static JMXConnector connect(JMXConnectorServer server, String user, String password)
      throws Exception {
    return JMXConnectorFactory.connect(
        server.getAddress(), Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
  }
}
