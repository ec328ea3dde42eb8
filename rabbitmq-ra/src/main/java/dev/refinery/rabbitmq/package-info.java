/**
 * A JCA 2.1 resource adapter around the RabbitMQ JMS client, every destination in the client's AMQP
 * mode (bodies as they are, never Java-deserialized; {@link dev.refinery.rabbitmq.WireProperties}
 * maps JMS properties to AMQP properties and headers). Inbound: message-driven beans consume a
 * queue with the message acknowledged only when their transaction commits, {@code maxSessions} at a
 * time, reconnecting with backoff. Outbound: a pooled connection factory whose sends join the JTA
 * transaction as a LocalTransaction; {@code createQueue(name)} publishes to that queue, {@code
 * createTopic("exchange/key")} to a topic exchange with that routing key, and a durable
 * subscription declares a queue bound to it. Every queue is declared through {@link
 * dev.refinery.rabbitmq.QueueDeclarations}, so producers, consumers and admin objects always
 * declare it the same way ({@link dev.refinery.rabbitmq.Topology} does the declaring).
 */
package dev.refinery.rabbitmq;
