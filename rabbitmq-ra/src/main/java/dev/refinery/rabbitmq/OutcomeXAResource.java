package dev.refinery.rabbitmq;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Not a resource manager: the container enlists it in the message-driven bean's transaction so the
 * adapter learns that transaction's outcome, {@code setRollbackOnly()} included, and acknowledges the
 * message only once it committed.
 */
final class OutcomeXAResource implements XAResource {

  private volatile boolean enlisted;
  private volatile boolean committed;

  boolean enlisted() {
    return enlisted;
  }

  boolean committed() {
    return committed;
  }

  @Override public void start(Xid xid, int flags) { enlisted = true; }
  @Override public void end(Xid xid, int flags) { }
  @Override public int prepare(Xid xid) { return XA_OK; }
  @Override public void commit(Xid xid, boolean onePhase) { committed = true; }
  @Override public void rollback(Xid xid) { committed = false; }
  @Override public void forget(Xid xid) { }
  @Override public Xid[] recover(int flag) { return new Xid[0]; }
  @Override public boolean isSameRM(XAResource other) { return other == this; }
  @Override public int getTransactionTimeout() { return 0; }
  @Override public boolean setTransactionTimeout(int seconds) { return false; }
}
