package dev.refinery.orchestration.api;

import dev.refinery.shared.messaging.Command;

/** Test command for the monitoring checks, owned by Orchestration. */
public record MonitoringProbe(String correlationId) implements Command {}
