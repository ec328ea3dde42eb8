/**
 * Dispatch of one delivery to a context's handlers, once per message id (the inbox remembers what
 * each context handled).
 */
package dev.refinery.shared.infrastructure.messaging.inbox;
