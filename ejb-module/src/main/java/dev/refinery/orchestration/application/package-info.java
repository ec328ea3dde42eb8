/**
 * Orchestration's use cases: its view of the workflows, and the Task Scanning Service that moves
 * them on.
 */
package dev.refinery.orchestration.application;
