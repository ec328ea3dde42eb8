package dev.refinery.shared.infrastructure.broker;

import dev.refinery.shared.monitoring.BrokerQueues;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Queue figures from the broker, asked through the messaging resource adapter's MBean ({@code
 * dev.refinery.rabbitmq:type=BrokerQueues}, registered in the same JVM): the application holds no
 * broker connection or credentials of its own. Without the adapter (in-memory messaging) there are
 * none, nor for a queue the broker does not have.
 */
@ApplicationScoped
public class AdapterBrokerQueues implements BrokerQueues {

  private static final System.Logger LOG = System.getLogger(AdapterBrokerQueues.class.getName());
  private static final String ADAPTER = "dev.refinery.rabbitmq:type=BrokerQueues";

  @Override
  public Optional<Figures> figures(String queue) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      long[] figures =
          (long[])
              server.invoke(
                  new ObjectName(ADAPTER),
                  "figures",
                  new Object[] {queue},
                  new String[] {String.class.getName()});
      return figures[0] < 0 ? Optional.empty() : Optional.of(new Figures(figures[0], figures[1]));
    } catch (InstanceNotFoundException e) {
      return Optional.empty();
    } catch (JMException | RuntimeException e) {
      LOG.log(Level.WARNING, "The broker's figures of queue {0} are unknown: {1}", queue, e);
      return Optional.empty();
    }
  }
}
