package dev.refinery.shared.infrastructure.messaging;

/**
 * Runs work once the caller's transaction has committed, never if it rolls back; at once without
 * one.
 */
@FunctionalInterface
public interface AfterCommit {

  void run(Runnable work);

  /**
   * Runs {@code committed} once the caller's transaction committed, else {@code otherwise}; without
   * one, {@code committed} at once. (This default, for adapters without rollbacks, never runs
   * {@code otherwise}.)
   */
  default void run(Runnable committed, Runnable otherwise) {
    run(committed);
  }
}
