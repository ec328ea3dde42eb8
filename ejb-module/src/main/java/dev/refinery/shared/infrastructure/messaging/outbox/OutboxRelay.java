package dev.refinery.shared.infrastructure.messaging.outbox;

import dev.refinery.shared.infrastructure.concurrent.DelayedRun;
import dev.refinery.shared.infrastructure.concurrent.Wakeable;
import dev.refinery.shared.infrastructure.concurrent.WorkerThreads;
import dev.refinery.shared.infrastructure.messaging.MessagingSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sends what the outbox holds. Rows come straight from the transactions that wrote them, right
 * after they commit ({@link #publish}): sent in batches as they come, with publisher confirms.
 * Confirmed rows are deleted by the next transaction that appends to the outbox ({@link
 * #takeConfirmed}), so deleting them costs no transaction of its own while messages flow; what no
 * transaction took within {@value #DELETE_GRACE_MILLIS} ms the relay deletes itself. A sweep on a
 * timer ({@code OutboxSweepTimer}) is the safety net: it claims rows whose claim ran out (an
 * instance that died before sending, a broker that refused them) and sends those. One drain runs at
 * a time per instance; instances share the sweep through the outbox's claims.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

  private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

  /** How long a confirmed row waits for a transaction to delete it before the relay does. */
  static final long DELETE_GRACE_MILLIS = 250;

  @Resource(lookup = WorkerThreads.NAME)
  ManagedExecutorService executor;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject OutboxStore store;

  @Inject OutboxSender sender;

  @Inject MessagingSettings settings;

  private final Wakeable sending = new Wakeable("Outbox relay", this::drain);
  private final Queue<OutboxStore.Pending> fresh = new ConcurrentLinkedQueue<>();
  private volatile boolean sweepDue = true; // the first drain takes what an earlier run left
  private final ConfirmedRows confirmed = new ConfirmedRows(System::nanoTime);
  private final DelayedRun deleting = new DelayedRun(this::deleteWaiting, DELETE_GRACE_MILLIS);
  private volatile boolean brokerAway;

  @PostConstruct
  void start() {
    sending.runOn(executor);
    deleting.runOn(scheduler);
  }

  @PreDestroy
  void stop() {
    deleting.cancel();
    delete(confirmed.takeAll());
  }

  /**
   * The sweep is due (the {@code OutboxSweepTimer}'s tick): the next drain claims rows whose claim
   * ran out.
   */
  public void sweep() {
    sweepDue = true;
    sending.wake();
  }

  /**
   * A row whose transaction committed: sent with the next batch (called after commit by the
   * outbox).
   */
  public void publish(OutboxStore.Pending row) {
    fresh.add(row);
    sending.wake();
  }

  /**
   * The rows the broker confirmed, for the caller's transaction to delete; give them back if it
   * rolls back. Until deleted they stay claimed by this relay, so no sweep sends them again.
   */
  public List<Long> takeConfirmed() {
    return confirmed.takeAll();
  }

  /** Confirmed rows a transaction took and did not delete: the relay deletes them next. */
  public void giveBackConfirmed(List<Long> ids) {
    confirmed.giveBack(ids);
    deleting.request();
  }

  /**
   * Forgets the rows handed over and not sent yet, as an instance that died would: they stay in the
   * outbox and the sweep sends them once their claim has run out (tests of that; an operator never
   * needs it).
   */
  public void abandonUnsent() {
    fresh.clear();
  }

  /**
   * Stops sending (operators; tests of a relay that died): rows stay in the outbox until resumed.
   */
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
    if (!sender.ready()) {
      return; // the contexts are still subscribing: their queues get bound before anything goes out
    }
    while (send(freshBatch())) {
      // until nothing handed over waits, or the broker refuses
    }
    if (sweepDue) {
      sweepDue = false;
      while (send(store.claim(settings.relayBatchSize(), settings.relayLeaseSeconds()))) {
        // until no claim has run out, or the broker refuses
      }
    }
  }

  private List<OutboxStore.Pending> freshBatch() {
    List<OutboxStore.Pending> batch = new ArrayList<>();
    for (OutboxStore.Pending row = fresh.poll();
        row != null;
        row = batch.size() < settings.relayBatchSize() ? fresh.poll() : null) {
      batch.add(row);
    }
    return batch;
  }

  /**
   * Sends one batch and deletes what the broker confirmed; true when it all went and more may wait.
   */
  private boolean send(List<OutboxStore.Pending> batch) {
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
    confirmed.confirmed(sent);
    deleting.request(); // unless a transaction takes them first
    brokerReachable();
    if (sent.size() < batch.size()) {
      store.release(
          batch.stream().map(OutboxStore.Pending::id).filter(id -> !sent.contains(id)).toList());
      LOG.log(
          Level.WARNING,
          "The broker confirmed {0} of {1} outbox messages; the rest go again",
          sent.size(),
          batch.size());
      return false;
    }
    LOG.log(Level.DEBUG, "Sent {0} outbox messages", sent.size());
    return true;
  }

  /**
   * Deletes the confirmed rows no transaction took within the grace period; runs only when rows
   * were confirmed (or given back), and again while some are left.
   */
  private void deleteWaiting() {
    delete(confirmed.takeWaitingSince(Duration.ofMillis(DELETE_GRACE_MILLIS)));
    if (!confirmed.isEmpty()) {
      deleting.request();
    }
  }

  private void delete(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      store.sent(ids);
    } catch (RuntimeException e) {
      confirmed.giveBack(ids);
      LOG.log(
          Level.DEBUG,
          "Deleting {0} confirmed outbox rows failed; trying again shortly: {1}",
          ids.size(),
          e);
    }
  }

  private void brokerUnreachable(int waiting, Exception e) {
    if (!brokerAway) {
      brokerAway = true;
      LOG.log(
          Level.WARNING,
          "Cannot reach RabbitMQ ({0}); {1}+ messages wait in the outbox and go when it is back",
          e.getMessage(),
          waiting);
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
