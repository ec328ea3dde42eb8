package dev.refinery.shared.infrastructure.messaging;

/** Runs work once the caller's transaction has committed, never if it rolls back; at once without one. */
@FunctionalInterface
public interface AfterCommit {

  void run(Runnable work);
}
