package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** An approver sent revision {@code revision} back; the agents write the next one. */
@WireName("taskmanagement.PrdRejected")
public record PrdRejected(
    String taskId,
    TaskStatus status,
    int round,
    int revision,
    String by,
    String reason,
    String assignedPool)
    implements TaskEvent {}
