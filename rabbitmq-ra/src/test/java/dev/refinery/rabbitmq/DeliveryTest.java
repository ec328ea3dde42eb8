package dev.refinery.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.Test;

/** How a delivery is settled, against a stand-in for the EJB container's transaction handling. */
class DeliveryTest {

  private static final Delivery.Pause NO_PAUSE =
      duration -> {
        throw new AssertionError("no wait expected, was asked for " + duration);
      };

  private final List<String> calls = new ArrayList<>();

  /** What the message's {@code getJMSRedelivered()} answers. */
  private boolean redelivered;

  private final Message message = recording(Message.class, "message.");
  private final Session session = recording(Session.class, "session.");

  @Test
  void committedTransactionAcknowledges() {
    deliver(new Container(Bean.SUCCEEDS, true, true));
    assertThat(calls).containsExactly("message.acknowledge");
  }

  @Test
  void crashPointHaltsAfterTheConfiguredCommitBeforeItsAck() {
    List<Integer> halts = new ArrayList<>();
    CrashPoint crashPoint =
        new HaltBeforeAck(
            2,
            status -> {
              halts.add(status);
              throw new IllegalStateException("halted"); // as Runtime.halt, nothing after it runs
            });
    Container container = new Container(Bean.SUCCEEDS, true, true);
    new Delivery(container, session, "refinery.test", crashPoint, null, NO_PAUSE)
        .onMessage(message);
    assertThat(calls).containsExactly("message.acknowledge");
    assertThat(halts).isEmpty();
    calls.clear();
    new Delivery(container, session, "refinery.test", crashPoint, null, NO_PAUSE)
        .onMessage(message);
    assertThat(halts).containsExactly(137);
    assertThat(calls).doesNotContain("message.acknowledge");
    calls.clear();
    new Delivery(
            new Container(Bean.SUCCEEDS, true, true),
            session,
            "refinery.test",
            crashPoint,
            null,
            NO_PAUSE)
        .onMessage(message);
    assertThat(calls).containsExactly("message.acknowledge"); // only the one
  }

  @Test
  void exceptionRecoversForRedelivery() {
    deliver(new Container(Bean.THROWS, true, true));
    assertThat(calls).contains("session.recover").doesNotContain("message.acknowledge");
  }

  @Test
  void aFailureIsPutBackAtOnceAndFailedRedeliveriesInARowWaitLongerEachTime() {
    // given a session whose deliveries fail in a row (an application stopping: the redelivery that
    // would schedule the retry fails too)
    List<Duration> waits = new ArrayList<>();
    Delivery delivery = failingEveryTime(waits::add);
    // when the message comes ten times (a quorum queue's delivery limit)
    for (int i = 0; i < 10; i++) {
      redelivered = i > 0;
      delivery.onMessage(message);
    }
    // then the first is put back at once and the others wait 50 ms, doubling, at most 2 s: 9.15 s
    // for the ten, where they took 1.7 s at once and the broker dead-lettered the message
    assertThat(waits)
        .containsExactly(
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(800),
            Duration.ofMillis(1600),
            Duration.ofMillis(2000),
            Duration.ofMillis(2000),
            Duration.ofMillis(2000));
    assertThat(calls.stream().filter("session.recover"::equals)).hasSize(10);
  }

  @Test
  void aDeliveryThatCommitsEndsTheRun() {
    // given one session whose container fails a message and its redelivery, then commits the next
    // redelivery; then a new message fails, and its redelivery too
    List<Duration> waits = new ArrayList<>();
    Switching container = new Switching(new Container(Bean.THROWS, true, true));
    Delivery delivery =
        new Delivery(container, session, "refinery.test", CrashPoint.installed(), null, waits::add);
    delivery.onMessage(message);
    redelivered = true;
    delivery.onMessage(message);
    container.current = new Container(Bean.SUCCEEDS, true, true);
    delivery.onMessage(message);
    container.current = new Container(Bean.THROWS, true, true);
    redelivered = false;
    delivery.onMessage(message);
    redelivered = true;
    delivery.onMessage(message);
    // then each failed redelivery waited the first wait: after the commit a run starts again
    assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50));
    assertThat(calls)
        .containsExactly(
            "session.recover",
            "session.recover",
            "message.acknowledge",
            "session.recover",
            "session.recover");
  }

  @Test
  void firstDeliveriesThatFailAreNeverHeldBack() {
    // given a queue of broken messages: each first delivery fails (its handler refuses the body),
    // and the redeliveries, which keep the dead letters, went to the queue's other consumers
    Delivery delivery = failingEveryTime(NO_PAUSE);
    // when this session takes a thousand of them in a row
    for (int i = 0; i < 1000; i++) {
      delivery.onMessage(message);
    }
    // then each is put back at once (NO_PAUSE fails the test on any wait): a thousand broken
    // messages held back 50 ms to 2 s each took over two minutes to reach the Dead letters page
    assertThat(calls.stream().filter("session.recover"::equals)).hasSize(1000);
  }

  /** A session whose container fails every delivery, waiting through {@code pause}. */
  private Delivery failingEveryTime(Delivery.Pause pause) {
    return new Delivery(
        new Container(Bean.THROWS, true, true),
        session,
        "refinery.test",
        CrashPoint.installed(),
        null,
        pause);
  }

  /** The container of the moment, as a test switches it. */
  private static final class Switching implements MessageEndpointFactory {
    MessageEndpointFactory current;

    Switching(MessageEndpointFactory first) {
      current = first;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource outcome) throws UnavailableException {
      return current.createEndpoint(outcome);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource outcome, long timeout)
        throws UnavailableException {
      return current.createEndpoint(outcome, timeout);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) throws NoSuchMethodException {
      return current.isDeliveryTransacted(method);
    }

    @Override
    public String getActivationName() {
      return current.getActivationName();
    }

    @Override
    public Class<?> getEndpointClass() {
      return current.getEndpointClass();
    }
  }

  @Test
  void rollbackOnlyWithoutExceptionRecoversForRedelivery() {
    deliver(new Container(Bean.SETS_ROLLBACK_ONLY, true, true));
    assertThat(calls).contains("session.recover").doesNotContain("message.acknowledge");
  }

  @Test
  void withoutEnlistmentTheExceptionDecides() {
    deliver(new Container(Bean.SUCCEEDS, true, false));
    assertThat(calls).containsExactly("message.acknowledge");
    calls.clear();
    deliver(new Container(Bean.THROWS, true, false));
    assertThat(calls).contains("session.recover");
  }

  @Test
  void unavailableEndpointRecoversForRedelivery() {
    deliver(new Container(Bean.UNAVAILABLE, true, true));
    assertThat(calls).contains("session.recover").doesNotContain("message.acknowledge");
  }

  @Test
  void nonTransactedBeanIsAcknowledgedUnlessItThrows() {
    deliver(new Container(Bean.SUCCEEDS, false, false));
    assertThat(calls).containsExactly("message.acknowledge");
  }

  private void deliver(Container container) {
    new Delivery(container, session, "refinery.test", null).onMessage(message);
  }

  @Test
  void withASynchronizationRegistryTheOutcomeComesFromItAndNothingIsEnlisted() {
    // given a server with a synchronization registry: the container's transaction keeps one
    // resource
    Registry registry = new Registry();
    Container committing = new Container(Bean.SUCCEEDS, true, true, registry);
    // when the bean's transaction commits; then the message is acknowledged, no XA resource was
    // offered
    new Delivery(committing, session, "refinery.test", registry).onMessage(message);
    assertThat(calls).containsExactly("message.acknowledge");
    assertThat(committing.offered).as("the XA resource handed to createEndpoint").isNull();
    calls.clear();
    // when it rolls back (the bean only set rollback-only); then the message is recovered for
    // redelivery
    new Delivery(
            new Container(Bean.SETS_ROLLBACK_ONLY, true, true, registry),
            session,
            "refinery.test",
            registry)
        .onMessage(message);
    assertThat(calls).contains("session.recover").doesNotContain("message.acknowledge");
  }

  /**
   * Keeps the synchronization the adapter registers, as the server's registry would for the
   * transaction.
   */
  private static final class Registry
      implements jakarta.transaction.TransactionSynchronizationRegistry {
    private jakarta.transaction.Synchronization registered;

    @Override
    public void registerInterposedSynchronization(jakarta.transaction.Synchronization sync) {
      registered = sync;
    }

    @Override
    public Object getTransactionKey() {
      return null;
    }

    @Override
    public void putResource(Object key, Object value) {}

    @Override
    public Object getResource(Object key) {
      return null;
    }

    @Override
    public int getTransactionStatus() {
      return jakarta.transaction.Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }

  private enum Bean {
    SUCCEEDS,
    THROWS,
    SETS_ROLLBACK_ONLY,
    UNAVAILABLE
  }

  /**
   * Begins the transaction in beforeDelivery, enlists the adapter's XA resource, ends it in
   * afterDelivery.
   */
  private static final class Container implements MessageEndpointFactory {

    private final Bean bean;
    private final boolean transacted;
    private final boolean enlists;
    private final Registry registry;
    XAResource offered;

    Container(Bean bean, boolean transacted, boolean enlists) {
      this(bean, transacted, enlists, null);
    }

    /**
     * @param registry completes the transaction through the synchronization registered there, if
     *     any
     */
    Container(Bean bean, boolean transacted, boolean enlists, Registry registry) {
      this.bean = bean;
      this.transacted = transacted;
      this.enlists = enlists;
      this.registry = registry;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource outcome) throws UnavailableException {
      if (bean == Bean.UNAVAILABLE) {
        throw new UnavailableException("not yet deployed");
      }
      offered = outcome;
      boolean[] failed = {false};
      return (MessageEndpoint)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {MessageEndpoint.class, MessageListener.class},
              (self, method, args) -> {
                switch (method.getName()) {
                  case "beforeDelivery" -> {
                    if (enlists && outcome != null) {
                      outcome.start(null, XAResource.TMNOFLAGS);
                    }
                  }
                  case "onMessage" -> {
                    if (bean == Bean.THROWS) {
                      failed[0] = true;
                      throw new IllegalStateException("bean failed");
                    }
                    failed[0] = bean == Bean.SETS_ROLLBACK_ONLY;
                  }
                  case "afterDelivery" -> {
                    if (registry != null && registry.registered != null) {
                      registry.registered.afterCompletion(
                          failed[0]
                              ? jakarta.transaction.Status.STATUS_ROLLEDBACK
                              : jakarta.transaction.Status.STATUS_COMMITTED);
                    } else if (enlists && outcome != null) {
                      if (failed[0]) {
                        outcome.rollback(null);
                      } else {
                        outcome.commit(null, true);
                      }
                    }
                  }
                  default -> {}
                }
                return null;
              });
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource outcome, long timeout)
        throws UnavailableException {
      return createEndpoint(outcome);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
      return transacted;
    }

    @Override
    public String getActivationName() {
      return "test";
    }

    @Override
    public Class<?> getEndpointClass() {
      return Object.class;
    }
  }

  private <T> T recording(Class<T> type, String prefix) {
    return type.cast(
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getName().equals("acknowledge") || method.getName().equals("recover")) {
                calls.add(prefix + method.getName());
              }
              if (method.getName().equals("getJMSMessageID")) {
                return "ID:test";
              }
              if (method.getName().equals("getJMSRedelivered")) {
                return redelivered;
              }
              return null;
            }));
  }
}
