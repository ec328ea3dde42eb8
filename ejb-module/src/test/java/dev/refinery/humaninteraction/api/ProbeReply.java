package dev.refinery.humaninteraction.api;

import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.WireName;

/** Test command owned by Human Interaction, sent by the {@code ProbeCommand} handler. */
@WireName("humaninteraction.ProbeReply")
public record ProbeReply(String correlationId) implements Command {}
