package dev.refinery.shared.interfaces.health;

import dev.refinery.shared.infrastructure.messaging.jms.JmsSender;
import dev.refinery.shared.infrastructure.messaging.outbox.OutboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether RabbitMQ answers. While it does not, requests are still accepted: what they publish waits
 * in the outbox (its size is reported) and goes out when the broker is back.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Inject JmsSender sender;

  @Inject OutboxStore outbox;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("broker").withData("outbox", outbox.backlog());
    try {
      sender.ping();
      ProbeErrors.cleared("broker");
      return response.up().build();
    } catch (JMSException | RuntimeException e) {
      return response.down().withData("error", ProbeErrors.reported("broker", e)).build();
    }
  }
}
