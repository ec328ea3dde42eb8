package dev.refinery.shared.infrastructure.messaging.inbox;

import dev.refinery.shared.infrastructure.messaging.Consumed;
import dev.refinery.shared.infrastructure.messaging.CurrentMessage;
import dev.refinery.shared.infrastructure.messaging.MessageCodec;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.UnknownMessageTypeException;
import dev.refinery.shared.infrastructure.messaging.routing.Subscriptions;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Envelope;
import dev.refinery.shared.messaging.Message;
import dev.refinery.shared.messaging.MessageHandler;
import dev.refinery.shared.messaging.MessageKind;
import java.util.Optional;

/**
 * Hands one message to the handlers its receiving context subscribed, once: decode, deduplicate on
 * the inbox, call. The caller owns the transaction: an exception from here must roll the inbox
 * record back together with whatever the handlers did.
 */
public final class MessageDispatch {

  /** What became of a message that did not fail. */
  public enum Result {
    HANDLED(Consumed.Outcome.HANDLED),
    DUPLICATE(Consumed.Outcome.DUPLICATE),
    /**
     * An event the context does not subscribe to (the heartbeat, which every context's queue
     * receives).
     */
    IGNORED(Consumed.Outcome.IGNORED);

    private final Consumed.Outcome outcome;

    Result(Consumed.Outcome outcome) {
      this.outcome = outcome;
    }

    /** What the delivery came to, as the adapters report it. */
    public Consumed.Outcome outcome() {
      return outcome;
    }
  }

  private final Subscriptions subscriptions;
  private final MessageCodec codec;

  public MessageDispatch(Subscriptions subscriptions, MessageCodec codec) {
    this.subscriptions = subscriptions;
    this.codec = codec;
  }

  public Result dispatch(BoundedContext context, RawMessage message, Inbox inbox) throws Exception {
    if (!subscriptions.ready()) {
      // A message that arrives while the application starts waits for a retry: dead-lettering an
      // unknown command, or ignoring an event, before every context has subscribed would lose it.
      throw new IllegalStateException(
          "the contexts are still subscribing; " + message.headers() + " is retried");
    }
    String type = message.headers().type();
    Optional<Subscriptions.Route> route = subscriptions.route(context, type);
    if (route.isEmpty()) {
      if (message.headers().kind() == MessageKind.EVENT) {
        return Result.IGNORED;
      }
      throw new UnknownMessageTypeException(
          context.segment() + " has no handler for command " + type);
    }
    Message payload = codec.decode(message.body(), route.get().type());
    if (!inbox.firstDelivery(context, message.headers().messageId())) {
      return Result.DUPLICATE;
    }
    Envelope<Message> envelope = new Envelope<>(message.headers(), payload);
    CurrentMessage.during(
        message.headers(),
        () -> {
          for (MessageHandler<Message> handler : route.get().handlers()) {
            handler.handle(envelope);
          }
        });
    return Result.HANDLED;
  }
}
