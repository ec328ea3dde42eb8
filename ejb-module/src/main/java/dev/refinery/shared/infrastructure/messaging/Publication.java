package dev.refinery.shared.infrastructure.messaging;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.Headers;
import dev.refinery.shared.messaging.Message;
import dev.refinery.shared.messaging.MessageKind;
import dev.refinery.shared.messaging.MessageType;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a payload into a message ready to send: its headers and JSON, and where it goes. Events go
 * to every subscriber; a command to the context that owns it, or to the queue its routing key
 * names.
 */
public final class Publication {

  /** Where a message is sent: a context's queue, or every subscriber's. */
  public record Destination(String queue) {

    public static final Destination EVERY_SUBSCRIBER = new Destination(null);

    public static Destination queue(String name) {
      return new Destination(name);
    }

    public boolean everySubscriber() {
      return queue == null;
    }

    @Override
    public String toString() {
      return everySubscriber() ? "every subscriber" : queue;
    }
  }

  /** A message and where it goes. */
  public record Outgoing(Destination destination, RawMessage message) {}

  private final MessageCodec codec;
  private final Clock clock;

  public Publication(MessageCodec codec, Clock clock) {
    this.codec = codec;
    this.clock = clock;
  }

  public Outgoing event(DomainEvent event, String routingKey) {
    return new Outgoing(
        Destination.EVERY_SUBSCRIBER,
        message(event, BoundedContext.owning(event.getClass()), routingKey));
  }

  public Outgoing command(BoundedContext sender, Command command, String routingKey) {
    Objects.requireNonNull(sender, "a command's sender");
    BoundedContext owner = BoundedContext.owning(command.getClass());
    String queue = routingKey == null ? owner.queue() : BoundedContext.ofQueue(routingKey).queue();
    return new Outgoing(Destination.queue(queue), message(command, sender, routingKey));
  }

  private RawMessage message(Message payload, BoundedContext source, String routingKey) {
    Optional<Headers> cause = CurrentMessage.get();
    Headers headers =
        new Headers(
            UUID.randomUUID(),
            MessageType.of(payload.getClass()),
            MessageKind.of(payload),
            payload.correlationId(),
            cause.map(Headers::messageId).orElse(null),
            source,
            clock.instant(),
            1,
            routingKey);
    return new RawMessage(headers, codec.encode(payload));
  }
}
