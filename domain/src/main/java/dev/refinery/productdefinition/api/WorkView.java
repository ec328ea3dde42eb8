package dev.refinery.productdefinition.api;

import java.time.Instant;

/**
 * Where a task's agent work stands, as operators read it: WAITING (for the requester or the
 * approvers), READY (from {@code availableAt}: a retry waits for it), RUNNING (under a lease until
 * {@code leaseUntil}, held by the instance {@code leaseHolder}), DONE or FAILED; how many attempts
 * so far, and the last one's error.
 */
public record WorkView(
    String status,
    int round,
    int revision,
    int attempts,
    Instant availableAt,
    Instant leaseUntil,
    String lastError,
    String leaseHolder) {}
