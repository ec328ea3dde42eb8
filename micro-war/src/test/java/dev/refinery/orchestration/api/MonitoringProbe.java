package dev.refinery.orchestration.api;

import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.WireName;

/** Test command for the monitoring checks, owned by Orchestration. */
@WireName("orchestration.MonitoringProbe")
public record MonitoringProbe(String correlationId) implements Command {}
