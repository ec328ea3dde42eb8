package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.WireName;

/**
 * Test command owned by Task Management. Its handler fails the first {@code failures} attempts,
 * retryably unless {@code permanent}; with {@code reply} it publishes a {@link ProbeReply}.
 */
@WireName("taskmanagement.ProbeCommand")
public record ProbeCommand(String correlationId, int failures, boolean permanent, boolean reply)
    implements Command {}
