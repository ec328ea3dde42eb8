package dev.refinery.rabbitmq.it;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/** Sends through the adapter's pooled connection factory inside container-managed transactions. */
@Stateless
@ConnectionFactoryDefinition(
    name = Producer.FACTORY,
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = "rabbitmq-ra",
    transactionSupport = TransactionSupportLevel.LocalTransaction,
    minPoolSize = 0,
    maxPoolSize = 4)
// Inside a transaction Payara's injected JMSContext looks its factory up under <name>__pm; an
// application
// definition gets no such twin by itself (connector resources made by asadmin do).
@ConnectionFactoryDefinition(
    name = Producer.FACTORY + "__pm",
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = "rabbitmq-ra",
    transactionSupport = TransactionSupportLevel.LocalTransaction,
    minPoolSize = 0,
    maxPoolSize = 4)
@AdministeredObjectDefinition(
    name = Producer.ADMIN_QUEUE,
    interfaceName = "jakarta.jms.Queue",
    className = "dev.refinery.rabbitmq.RabbitQueue",
    resourceAdapter = "rabbitmq-ra",
    properties = {"destinationName=ra-it.sink"})
public class Producer {

  public static final String FACTORY = "java:app/jms/ra-it";
  public static final String ADMIN_QUEUE = "java:app/jms/ra-it-sink";

  @Resource(lookup = FACTORY)
  ConnectionFactory factory;

  @Resource(lookup = ADMIN_QUEUE)
  Queue adminQueue;

  @Inject
  @JMSConnectionFactory(FACTORY)
  JMSContext context;

  @Resource SessionContext session;

  /** Sends n messages to a queue; rolls the transaction back afterwards when asked to. */
  public void send(String queue, String idPrefix, int count, String behaviour, boolean rollback)
      throws JMSException {
    try (Connection connection = factory.createConnection()) {
      Session jms = connection.createSession();
      Queue destination = jms.createQueue(queue);
      for (int i = 0; i < count; i++) {
        Message message = jms.createTextMessage("test " + i);
        message.setStringProperty("id", idPrefix + i);
        message.setStringProperty("behaviour", behaviour);
        jms.createProducer(destination).send(message);
      }
    }
    if (rollback) {
      session.setRollbackOnly();
    }
  }

  /** The same with the injected JMSContext. */
  public void sendWithContext(String queue, String idPrefix, int count, boolean rollback) {
    Queue destination = context.createQueue(queue);
    for (int i = 0; i < count; i++) {
      context
          .createProducer()
          .setProperty("id", idPrefix + i)
          .setProperty("behaviour", "ok")
          .send(destination, "test");
    }
    if (rollback) {
      session.setRollbackOnly();
    }
  }

  /**
   * Sends through the administered queue object, which declares the queue like createQueue does.
   */
  public void sendToAdminQueue(String id) throws JMSException {
    try (Connection connection = factory.createConnection()) {
      Session jms = connection.createSession();
      Message message = jms.createTextMessage("admin");
      message.setStringProperty("id", id);
      jms.createProducer(adminQueue).send(message);
    }
  }
}
