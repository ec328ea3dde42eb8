package dev.refinery.productdefinition.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where work items are kept, in the caller's transaction. Implemented in the EJB module. */
public interface WorkQueue {

  /** The task's work item as it is now, not locked (for reading). */
  Optional<WorkItem> find(UUID task);

  /** The task's work item, locked until the caller's transaction ends. */
  Optional<WorkItem> lock(UUID task);

  /** Adds a new item; false when the task has one already (another transaction added it first). */
  boolean add(WorkItem item);

  void save(WorkItem item);

  /**
   * Up to {@code limit} items of {@code pool} due for an agent — READY from their time on, or
   * RUNNING under a lease that ran out — owed first: run-out leases, then the highest priority,
   * then the oldest. Locked until the caller's transaction ends; items another transaction holds
   * are skipped, not waited for.
   */
  List<WorkItem> lockDue(String pool, int limit);

  /**
   * The instance that holds the item's lease (the one whose transaction saved it RUNNING), for
   * operators; empty when nobody holds it.
   */
  Optional<String> leaseHolder(UUID task);
}
