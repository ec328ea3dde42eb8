package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.WireName;

/** An approver sends the PRD revision back, saying why. */
@WireName("taskmanagement.RejectPrd")
public record RejectPrd(String taskId, int revision, String by, String reason)
    implements TaskCommand {}
