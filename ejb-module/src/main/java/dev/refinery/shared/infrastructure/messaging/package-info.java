/**
 * The message queue's adapters and what they share, one concern per package. This package is the
 * vocabulary every concern speaks: a message as stored and sent ({@code RawMessage}, {@code
 * MessageCodec}, {@code MessageColumns}), a publication and its cause ({@code Publication}, {@code
 * CurrentMessage}), settings and the retry ladder, the {@code @Monitored} binding and what a
 * delivery came to ({@code Consumed}). It knows none of its sub-packages: {@code routing} (who
 * subscribes to what), {@code inbox} (dispatch, once per message id), {@code deadletter} (retry or
 * give up, and what was given up), {@code outbox} (publication in the business transaction and the
 * relay), then the two adapters, {@code jms} (production: RabbitMQ through our resource adapter)
 * and {@code memory} (tests), and {@code setup}, which chooses one by {@code
 * refinery.messaging.adapter}. The architecture test holds these layers.
 */
package dev.refinery.shared.infrastructure.messaging;
