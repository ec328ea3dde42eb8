package dev.refinery.rabbitmq;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * A delivery the JMS client cannot turn into a JMS message (published by a plain AMQP client, say, so its
 * body is not the client's serialized form). The client throws from {@code handleDelivery} and leaves the
 * message unacknowledged, which with prefetch 1 stalls that consumer for good, and with it, one by one,
 * the whole queue. Rejected without requeue instead: the queue's dead-letter exchange takes it to the
 * dead-letter queue, and consuming goes on. On the dead-letter queue itself, which has no dead-letter
 * exchange, the broker drops it; either way it is logged with the queue's consumer tag.
 */
final class UnreadableDeliveries extends ForgivingExceptionHandler {

  private static final System.Logger LOG = System.getLogger(UnreadableDeliveries.class.getName());

  @Override
  public void handleConsumerException(Channel channel, Throwable exception, Consumer consumer, String consumerTag,
      String methodName) {
    if (!"handleDelivery".equals(methodName)) {
      super.handleConsumerException(channel, exception, consumer, consumerTag, methodName);
      return;
    }
    LOG.log(Level.WARNING, "Consumer {0} (channel {1}) got a message the JMS client cannot read ({2}); rejected to the"
        + " queue''s dead-letter queue", consumerTag, channel.getChannelNumber(), rootCause(exception));
    try {
      // Tag 0 with multiple: every unacknowledged delivery of this channel, which with prefetch 1 is this one.
      channel.basicNack(0, true, false);
    } catch (IOException | AlreadyClosedException e) {
      LOG.log(Level.WARNING, "Could not reject it on channel {0}: {1}; the channel''s closing returns it to the queue",
          channel.getChannelNumber(), e.toString());
    }
  }

  private static String rootCause(Throwable exception) {
    Throwable cause = exception;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.toString();
  }
}
