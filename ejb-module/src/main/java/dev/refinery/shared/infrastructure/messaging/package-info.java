/**
 * The message queue's adapters and what they share: JSON encoding, the subscription registry,
 * dispatch with inbox deduplication, failure classification and retry policy, the transactional
 * outbox and its relay, dead letters. {@code JmsMessageQueue} is the production adapter (RabbitMQ
 * through our resource adapter), {@code InMemoryMessageQueue} the test one; {@code
 * refinery.messaging.adapter} chooses.
 */
package dev.refinery.shared.infrastructure.messaging;
