package dev.refinery.humaninteraction.interfaces.scheduling;

import dev.refinery.humaninteraction.application.WebhookDeliveries;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;

/** Every few seconds, posts the notifications due to the webhook, when one is configured. */
@Singleton
public class WebhookTimer {

  @Inject WebhookDeliveries deliveries;

  @Schedule(
      hour = "*",
      minute = "*",
      second = "*/3",
      persistent = false,
      info = "webhook deliveries")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    if (deliveries.enabled()) {
      for (UUID notification : deliveries.claimDue(20)) {
        deliveries.deliver(notification);
      }
    }
  }
}
