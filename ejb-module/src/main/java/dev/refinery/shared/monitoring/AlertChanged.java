package dev.refinery.shared.monitoring;

/** Fired (a CDI event, in the transaction that changed it) when an alert is raised or cleared. */
public record AlertChanged(Alert alert, boolean raised) {}
