package com.rabbitmq.jms.client;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSProducer;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * Reuses the client's JMS 2 producer and consumer (package-private, about 500 well-tested lines) on
 * top of our pooled sessions. It lives in the client's package for that reason alone: the RAR's
 * class loader loads this jar and the client's into the same runtime package.
 */
public final class PooledContextSupport {

  private PooledContextSupport() {}

  public static JMSProducer producer(Session session, MessageProducer producer) {
    return new RmqJmsProducer(session, producer);
  }

  public static JMSConsumer consumer(Session session, MessageConsumer consumer) {
    return new RmqJmsConsumer(session, consumer);
  }
}
