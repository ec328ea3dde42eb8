package dev.refinery.rabbitmq;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The outcome of a delivery's transaction, {@code setRollbackOnly()} included, so the adapter
 * acknowledges the message only once it committed: reported by a synchronization on the
 * transaction, or, on a server without a synchronization registry, by the container to this object
 * enlisted as an XA resource (not a resource manager: it only listens).
 */
final class OutcomeXAResource implements XAResource {

  private volatile boolean enlisted;
  private volatile boolean committed;

  boolean enlisted() {
    return enlisted;
  }

  /**
   * The outcome, as a synchronization on the transaction saw it (this resource then is not
   * enlisted).
   */
  void completed(boolean committed) {
    this.committed = committed;
    this.enlisted = true;
  }

  boolean committed() {
    return committed;
  }

  @Override
  public void start(Xid xid, int flags) {
    enlisted = true;
  }

  @Override
  public void end(Xid xid, int flags) {}

  @Override
  public int prepare(Xid xid) {
    return XA_OK;
  }

  @Override
  public void commit(Xid xid, boolean onePhase) {
    committed = true;
  }

  @Override
  public void rollback(Xid xid) {
    committed = false;
  }

  @Override
  public void forget(Xid xid) {}

  @Override
  public Xid[] recover(int flag) {
    return new Xid[0];
  }

  @Override
  public boolean isSameRM(XAResource other) {
    return other == this;
  }

  @Override
  public int getTransactionTimeout() {
    return 0;
  }

  @Override
  public boolean setTransactionTimeout(int seconds) {
    return false;
  }
}
