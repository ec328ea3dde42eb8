package dev.refinery.orchestration.api;

import dev.refinery.shared.messaging.WireName;
import dev.refinery.shared.messaging.Command;

/** Test command for the monitoring checks, owned by Orchestration. */
@WireName("orchestration.MonitoringProbe")
public record MonitoringProbe(String correlationId) implements Command {}
