package dev.refinery.rabbitmq;

import static dev.refinery.rabbitmq.RabbitResourceAdapter.LOG;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Hands one session's messages to the bean, one at a time, inside the bean's transaction: the
 * message is acknowledged when that transaction commits, and put back for redelivery when it rolls
 * back, whether the bean threw or only called {@code setRollbackOnly()}. The outcome is learnt from
 * a synchronization registered on the transaction the container began, so the transaction keeps one
 * resource (the database) and commits in one phase, with no transaction log; on a server without a
 * synchronization registry the adapter's {@link OutcomeXAResource} is enlisted instead (two
 * resources: two phases).
 */
final class Delivery implements MessageListener {

  private static final Method ON_MESSAGE = onMessage();

  private final MessageEndpointFactory endpoints;
  private final Session session;
  private final String queue;
  private final boolean transacted;
  private final CrashPoint crashPoint;
  private final TransactionSynchronizationRegistry transactions;
  private final Pause pause;

  /**
   * Redeliveries rolled back in a row on this session. A first delivery that rolls back does not
   * count: that is how a failing handler hands its message to the redelivery that schedules the
   * retry or keeps the dead letter, and a queue full of broken messages does it for every one.
   */
  private int failedRedeliveriesInARow;

  /** Waits before a redelivery; a test's stand-in records the waits instead. */
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  Delivery(
      MessageEndpointFactory endpoints,
      Session session,
      String queue,
      TransactionSynchronizationRegistry transactions) {
    this(
        endpoints,
        session,
        queue,
        CrashPoint.installed(),
        transactions,
        duration -> Thread.sleep(duration));
  }

  Delivery(
      MessageEndpointFactory endpoints,
      Session session,
      String queue,
      CrashPoint crashPoint,
      TransactionSynchronizationRegistry transactions,
      Pause pause) {
    this.endpoints = endpoints;
    this.session = session;
    this.queue = queue;
    this.transacted = transacted(endpoints);
    this.crashPoint = crashPoint;
    this.transactions = transactions;
    this.pause = pause;
  }

  /**
   * How long a rolled-back message waits before it is put back. A first delivery is put back at
   * once, however many failed before it: its redelivery is what records a handler's failure and
   * schedules the retry on a delay queue or keeps the dead letter. A redelivery that fails too
   * means this instance cannot take the message at all (its application is stopping, its database
   * is away): put back at once, it would come straight back to this session and spend the queue's
   * delivery limit in a second, and RabbitMQ would dead-letter a message nothing was wrong with. So
   * each failed redelivery in a row waits twice as long as the one before, from 50 ms up to 2 s:
   * ten deliveries of one message take about 9 s, time for a stopping instance to close its
   * consumers, after which the message goes to another instance.
   */
  static Duration pauseAfter(boolean redelivered, int failedRedeliveriesInARow) {
    if (!redelivered || failedRedeliveriesInARow < 1) {
      return Duration.ZERO;
    }
    Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(failedRedeliveriesInARow - 1, 10));
    return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
  }

  static final Duration FIRST_PAUSE = Duration.ofMillis(50);
  static final Duration MAX_PAUSE = Duration.ofSeconds(2);

  @Override
  public void onMessage(Message message) {
    OutcomeXAResource outcome = transacted ? new OutcomeXAResource() : null;
    boolean returned = deliver(message, outcome);
    boolean commit = outcome != null && outcome.enlisted() ? outcome.committed() : returned;
    settle(message, commit);
  }

  private boolean deliver(Message message, OutcomeXAResource outcome) {
    MessageEndpoint endpoint = null;
    try {
      boolean synchronizing = outcome != null && transactions != null;
      endpoint = endpoints.createEndpoint(synchronizing ? null : outcome);
      endpoint.beforeDelivery(ON_MESSAGE); // container-managed: the transaction begins here
      if (synchronizing) {
        watch(outcome);
      }
      try {
        ((MessageListener) endpoint).onMessage(message);
        return true;
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "Bean failed on message " + id(message) + " from " + queue, e);
        return false;
      } finally {
        endpoint.afterDelivery(); // ... and commits or rolls back here
      }
    } catch (ResourceException | NoSuchMethodException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Delivering message {0} from {1} failed: {2}",
          id(message),
          queue,
          e.getMessage());
      return false;
    } finally {
      if (endpoint != null) {
        endpoint.release();
      }
    }
  }

  /** Learns the outcome of the transaction the container began on this thread. */
  private void watch(OutcomeXAResource outcome) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            outcome.completed(status == Status.STATUS_COMMITTED);
          }
        });
  }

  private void settle(Message message, boolean commit) {
    try {
      if (commit) {
        failedRedeliveriesInARow = 0;
        crashPoint.committed(id(message), queue);
        message.acknowledge();
      } else {
        boolean redelivered = redelivered(message);
        if (redelivered) {
          failedRedeliveriesInARow++;
        }
        Duration wait = pauseAfter(redelivered, failedRedeliveriesInARow);
        LOG.log(
            Level.INFO,
            "Message {0} from {1} rolled back (delivery {2}, {3} redeliveries failed in a row on"
                + " this consumer); put back for redelivery in {4} ms",
            id(message),
            queue,
            deliveryCount(message),
            failedRedeliveriesInARow,
            wait.toMillis());
        if (!wait.isZero()) {
          pause.pause(wait);
        }
        session.recover(); // basic.recover(requeue): with prefetch 1, only this message
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the session is closing: the broker puts it back
    } catch (JMSException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Settling message {0} from {1} failed ({2}); it is redelivered after reconnection",
          id(message),
          queue,
          e.getMessage());
    }
  }

  private static String id(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return "?";
    }
  }

  /** Whether the broker delivered it before; when it cannot say, as if it did (it waits). */
  private static boolean redelivered(Message message) {
    try {
      return message.getJMSRedelivered();
    } catch (JMSException e) {
      return true;
    }
  }

  private static Object deliveryCount(Message message) {
    try {
      return message.getObjectProperty("JMSXDeliveryCount");
    } catch (JMSException e) {
      return "?";
    }
  }

  private static boolean transacted(MessageEndpointFactory endpoints) {
    try {
      return endpoints.isDeliveryTransacted(ON_MESSAGE);
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Method onMessage() {
    try {
      return MessageListener.class.getMethod("onMessage", Message.class);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
