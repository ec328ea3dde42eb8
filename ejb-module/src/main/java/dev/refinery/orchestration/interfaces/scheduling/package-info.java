/** Orchestration's timer: the Task Scanning Service's safety net. */
package dev.refinery.orchestration.interfaces.scheduling;
