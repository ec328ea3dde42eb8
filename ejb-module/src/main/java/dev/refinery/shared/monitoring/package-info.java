/**
 * Monitoring, the ADR's decorator on the message queue: the {@link
 * dev.refinery.shared.infrastructure.messaging.Monitored} interceptor records every publish and
 * every consumption in the event log and the metrics, without the port changing.
 */
package dev.refinery.shared.monitoring;
