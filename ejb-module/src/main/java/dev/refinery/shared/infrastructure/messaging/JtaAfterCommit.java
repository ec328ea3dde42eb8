package dev.refinery.shared.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** {@link AfterCommit} on the JTA transaction of the calling thread. */
@ApplicationScoped
public class JtaAfterCommit implements AfterCommit {

  @Resource TransactionSynchronizationRegistry transactions;

  @Override
  public void run(Runnable work) {
    run(work, () -> {});
  }

  @Override
  public void run(Runnable committed, Runnable otherwise) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      committed.run();
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              committed.run();
            } else {
              otherwise.run();
            }
          }
        });
  }
}
