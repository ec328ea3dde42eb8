package dev.refinery.shared.infrastructure.messaging.inbox;

import dev.refinery.shared.messaging.BoundedContext;
import java.util.UUID;

/**
 * The messages a context has handled, recorded in the same transaction as the handling's effect.
 */
public interface Inbox {

  /** Records the message as handled by the context; false when it was already. */
  boolean firstDelivery(BoundedContext context, UUID messageId);
}
