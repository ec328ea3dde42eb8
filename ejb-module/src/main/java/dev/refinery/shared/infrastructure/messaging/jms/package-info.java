/**
 * The production adapter: RabbitMQ through the RabbitMQ JMS client and our resource adapter, plain
 * JSON on the wire.
 */
package dev.refinery.shared.infrastructure.messaging.jms;
