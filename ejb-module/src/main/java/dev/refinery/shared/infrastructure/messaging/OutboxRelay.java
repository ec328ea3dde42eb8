package dev.refinery.shared.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import dev.refinery.shared.infrastructure.concurrent.Wakeable;
import dev.refinery.shared.infrastructure.concurrent.WorkerThreads;
import jakarta.jms.JMSException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;

/**
 * Sends what the outbox holds: woken right after a transaction that wrote to it commits, and swept on
 * a timer as the backstop (a wake lost to a crash, rows whose lease ran out, the broker coming back).
 * One drain runs at a time per instance; instances share the work through the outbox's claims.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

  private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

  @Resource TimerService timers;

  @Resource(lookup = WorkerThreads.NAME)
  ManagedExecutorService executor;

  @Inject OutboxStore store;

  @Inject JmsSender sender;

  @Inject MessagingSettings settings;

  private final Wakeable sending = new Wakeable("Outbox relay", this::drain);
  private volatile boolean brokerAway;

  @PostConstruct
  void start() {
    sending.runOn(executor);
    long interval = settings.sweepInterval().toMillis();
    timers.createIntervalTimer(interval, interval, new TimerConfig("outbox sweep", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sweep() {
    wake();
  }

  /** Asks for a drain; one already running picks the request up. */
  public void wake() {
    sending.wake();
  }

  /** Stops sending (operators; tests of a relay that died): rows stay in the outbox until resumed. */
  public void pause() {
    sending.pause();
  }

  public void resume() {
    sending.resume();
  }

  public boolean paused() {
    return sending.paused();
  }

  private void drain() {
    while (sendBatch()) {
      // until the outbox is empty or the broker refuses
    }
  }

  /** Sends one batch; true when a full batch went out and more may be waiting. */
  private boolean sendBatch() {
    if (!sender.ready()) {
      return false; // the contexts are still subscribing: their queues get bound before anything goes out
    }
    List<OutboxStore.Pending> batch = store.claim(settings.relayBatchSize(), settings.relayLeaseSeconds());
    if (batch.isEmpty()) {
      return false;
    }
    Set<Long> sent;
    try {
      sent = sender.send(batch);
    } catch (JMSException | RuntimeException e) {
      store.release(batch.stream().map(OutboxStore.Pending::id).toList());
      brokerUnreachable(batch.size(), e);
      return false;
    }
    store.sent(sent);
    brokerReachable();
    if (sent.size() < batch.size()) {
      store.release(batch.stream().map(OutboxStore.Pending::id).filter(id -> !sent.contains(id)).toList());
      LOG.log(Level.WARNING, "The broker confirmed {0} of {1} outbox messages; the rest go again", sent.size(), batch.size());
      return false;
    }
    LOG.log(Level.DEBUG, "Sent {0} outbox messages", sent.size());
    return batch.size() == settings.relayBatchSize();
  }

  private void brokerUnreachable(int waiting, Exception e) {
    if (!brokerAway) {
      brokerAway = true;
      LOG.log(Level.WARNING, "Cannot reach RabbitMQ ({0}); {1}+ messages wait in the outbox and go when it is back",
          e.getMessage(), waiting);
    }
  }

  private void brokerReachable() {
    if (brokerAway) {
      brokerAway = false;
      LOG.log(Level.INFO, "RabbitMQ is reachable again; sending the outbox");
    }
  }

  /** Whether the last attempt to send failed to reach the broker. */
  public boolean brokerAway() {
    return brokerAway;
  }
}
