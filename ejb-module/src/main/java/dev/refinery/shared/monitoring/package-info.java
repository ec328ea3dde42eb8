/**
 * Monitoring, the ADR's decorator on the message queue: the {@link
 * dev.refinery.shared.infrastructure.messaging.Monitored} interceptor records every publish and
 * every consumption in the event log and the metrics, without the port changing; the detector's
 * machinery checks and the alerts they raise. What it keeps and reads goes through its ports
 * ({@link dev.refinery.shared.monitoring.EventLogStore}, {@link
 * dev.refinery.shared.monitoring.AlertStore}, {@link
 * dev.refinery.shared.monitoring.MachineReadings}); the queries are in {@code
 * shared.infrastructure.persistence}.
 */
package dev.refinery.shared.monitoring;
