package dev.refinery.shared.infrastructure.messaging.jms;

import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The pooled connection factory of our RabbitMQ resource adapter, defined by the application so the
 * same definition serves Payara Server (adapter embedded in the EAR) and Payara Micro (adapter
 * deployed by the post-boot file). Sends inside a JTA transaction join it as a LocalTransaction.
 */
@Singleton
@ConnectionFactoryDefinition(
    name = MessagingResources.CONNECTION_FACTORY,
    description = "RabbitMQ, pooled, LocalTransaction",
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = MessagingResources.RESOURCE_ADAPTER,
    transactionSupport = TransactionSupportLevel.LocalTransaction,
    minPoolSize = 0,
    maxPoolSize = 16)
// Inside a transaction Payara's injected JMSContext (@JMSConnectionFactory) looks its factory up
// under <name>__pm, a twin that only asadmin-made connector resources get by themselves.
@ConnectionFactoryDefinition(
    name = MessagingResources.CONNECTION_FACTORY + "__pm",
    description = "RabbitMQ, pooled, LocalTransaction: for injected JMSContexts",
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = MessagingResources.RESOURCE_ADAPTER,
    transactionSupport = TransactionSupportLevel.LocalTransaction,
    minPoolSize = 0,
    maxPoolSize = 16)
public class MessagingResources {

  public static final String CONNECTION_FACTORY = "java:app/jms/refinery";

  /**
   * The resource adapter as a resource definition names it: {@code rabbitmq-ra} when deployed on
   * its own (Payara Micro), {@code #rabbitmq-ra} when embedded in this application (Payara Server).
   * The MDBs name it as the container registers it, {@code refinery.messaging.resource-adapter}, so
   * none can fall back to Payara's built-in OpenMQ adapter.
   */
  public static final String RESOURCE_ADAPTER =
      "${MPCONFIG=refinery.messaging.resource-adapter-reference}";
}
