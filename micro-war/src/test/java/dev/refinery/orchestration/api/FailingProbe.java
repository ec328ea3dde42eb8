package dev.refinery.orchestration.api;

import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.WireName;

/** Test command whose handler always fails for good: the error-rate alert's material. */
@WireName("orchestration.FailingProbe")
public record FailingProbe(String correlationId) implements Command {}
