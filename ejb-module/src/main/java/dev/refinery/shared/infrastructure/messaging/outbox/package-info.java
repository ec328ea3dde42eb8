/**
 * Publication inside the business transaction: the outbox row commits with it, and the relay hands
 * it to the broker.
 */
package dev.refinery.shared.infrastructure.messaging.outbox;
