/** The orchestration context's inbound messages. */
package dev.refinery.orchestration.interfaces.messaging;
