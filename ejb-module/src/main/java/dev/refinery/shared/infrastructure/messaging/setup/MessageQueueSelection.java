package dev.refinery.shared.infrastructure.messaging.setup;

import dev.refinery.shared.infrastructure.messaging.jms.JmsMessageQueue;
import dev.refinery.shared.infrastructure.messaging.memory.InMemoryMessageQueue;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Chooses the message queue adapter from {@code refinery.messaging.adapter} ({@code jms} or {@code
 * in-memory}): the other one stays a bean of its own class only, so exactly one bean implements the
 * port, and it is a real bean the monitoring interceptor wraps (a producer's product would not be
 * intercepted). The container tests inject the other by its class to prove the interceptor on it
 * too.
 */
public class MessageQueueSelection implements Extension {

  private static final System.Logger LOG = System.getLogger(MessageQueueSelection.class.getName());

  void jms(@Observes ProcessAnnotatedType<JmsMessageQueue> type) {
    keepIf("jms", type);
  }

  void inMemory(@Observes ProcessAnnotatedType<InMemoryMessageQueue> type) {
    keepIf("in-memory", type);
  }

  private static void keepIf(String adapter, ProcessAnnotatedType<?> type) {
    String chosen =
        ConfigProvider.getConfig()
            .getOptionalValue("refinery.messaging.adapter", String.class)
            .orElse("jms");
    if (!chosen.equals("jms") && !chosen.equals("in-memory")) {
      throw new IllegalArgumentException(
          "refinery.messaging.adapter must be jms or in-memory, not '" + chosen + "'");
    }
    if (!chosen.equals(adapter)) {
      type.configureAnnotatedType()
          .add(Typed.Literal.of(new Class<?>[] {type.getAnnotatedType().getJavaClass()}));
    } else {
      LOG.log(Level.INFO, "Message queue adapter: {0}", adapter);
    }
  }
}
