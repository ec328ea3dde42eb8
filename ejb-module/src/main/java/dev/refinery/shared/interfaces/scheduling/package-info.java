/** The messaging core's timer: the outbox sweep, the relay's safety net. */
package dev.refinery.shared.interfaces.scheduling;
