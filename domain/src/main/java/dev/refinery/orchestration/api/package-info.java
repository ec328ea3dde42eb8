/**
 * Orchestration's published language: the alerts it raises about workflows and the machinery, and
 * its heartbeat.
 */
package dev.refinery.orchestration.api;
