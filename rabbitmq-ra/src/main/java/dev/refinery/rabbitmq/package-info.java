/**
 * A JCA 2.1 resource adapter around the RabbitMQ JMS client. Inbound: message-driven beans consume with
 * the message acknowledged only when their transaction commits, {@code maxSessions} at a time, reconnecting
 * with backoff. Outbound: a pooled connection factory whose sends join the JTA transaction as a
 * LocalTransaction. Every queue is declared through {@link dev.refinery.rabbitmq.QueueDeclarations}, so
 * producers, consumers and admin objects always declare it the same way.
 */
package dev.refinery.rabbitmq;
