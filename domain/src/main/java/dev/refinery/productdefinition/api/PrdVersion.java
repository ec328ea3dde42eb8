package dev.refinery.productdefinition.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * One revision of a task's PRD: the document as JSON (see {@code
 * productdefinition/prd.schema.json}), who wrote it, and what became of it.
 */
public record PrdVersion(
    int revision,
    String document,
    String agent,
    String model,
    String promptVersion,
    Instant createdAt,
    String rejectionReason,
    String rejectedBy,
    String approvedBy,
    Instant decidedAt)
    implements Serializable {}
