/**
 * Orchestration's rules: its own view of each workflow ({@link
 * dev.refinery.orchestration.domain.Workflow}), the service-level ladders, and the ports its
 * adapters implement.
 */
package dev.refinery.orchestration.domain;
