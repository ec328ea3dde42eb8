package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What an operator sees with jconsole or any JMX client, over Payara Micro's JMX connector on
 * loopback.
 */
final class OperatorChecks {

  private final int port;

  OperatorChecks(int port) {
    this.port = port;
  }

  void mbeansAnswerOverJmxAndTheScannerPausesAndResumes() throws Exception {
    JMXServiceURL url =
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
    try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
      MBeanServerConnection server = connector.getMBeanServerConnection();

      TabularData perState =
          (TabularData) server.getAttribute(name("type=Workflow"), "TasksPerState");
      assertThat(perState.values()).isNotEmpty();
      @SuppressWarnings("unchecked")
      Collection<CompositeData> rows = (Collection<CompositeData>) perState.values();
      assertThat(rows).allSatisfy(row -> assertThat((Long) row.get("value")).isPositive());
      assertThat((Long) server.getAttribute(name("type=Messaging"), "OutboxBacklog"))
          .isNotNegative();
      assertThat((Long) server.getAttribute(name("type=Messaging"), "DeadLetters")).isNotNegative();
      assertThat((Long) server.getAttribute(name("type=Agents"), "Runs")).isPositive();
      assertThat((Integer) server.getAttribute(name("type=Alerts"), "OpenAlertCount"))
          .isNotNegative();

      ObjectName scanner = name("type=Scheduling,name=scanner");
      server.invoke(scanner, "pause", new Object[0], new String[0]);
      assertThat((Boolean) server.getAttribute(scanner, "Paused")).isTrue();
      server.invoke(scanner, "resume", new Object[0], new String[0]);
      assertThat((Boolean) server.getAttribute(scanner, "Paused")).isFalse();
      assertThat(server.queryNames(name("type=Scheduling,*"), null))
          .extracting(n -> n.getKeyProperty("name"))
          .contains("scanner", "poller", "detector");
    }
  }

  private static ObjectName name(String properties) throws Exception {
    return new ObjectName("dev.refinery:" + properties);
  }
}
