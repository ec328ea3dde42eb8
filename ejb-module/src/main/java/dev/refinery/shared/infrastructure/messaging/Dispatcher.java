package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.BoundedContext;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Runs a message's handlers in a transaction of their own, with the inbox record: the consumer's
 * transaction survives a failure, to schedule the retry or keep the dead letter while still
 * acknowledging the delivery.
 */
@Stateless
public class Dispatcher {

  /** What happened: a result when the handlers succeeded, else the failure. */
  public record Outcome(MessageDispatch.Result result, Failure failure) {}

  @Inject MessageDispatch dispatch;

  @Inject JdbcInbox inbox;

  @Resource SessionContext session;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Outcome dispatch(BoundedContext context, RawMessage message) {
    try {
      return new Outcome(dispatch.dispatch(context, message, inbox), null);
    } catch (Exception e) {
      session.setRollbackOnly(); // the inbox record goes with the handlers' effects
      return new Outcome(null, Failure.of(e));
    }
  }
}
