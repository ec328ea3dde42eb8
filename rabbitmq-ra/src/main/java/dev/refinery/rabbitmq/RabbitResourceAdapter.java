package dev.refinery.rabbitmq;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.transaction.xa.XAResource;

/**
 * The adapter: broker settings shared by every activation and connection definition, the queue
 * declarations, and the one scheduler the activations use to reconnect.
 */
public class RabbitResourceAdapter implements ResourceAdapter, Serializable {

  private static final long serialVersionUID = 1L;
  static final System.Logger LOG = System.getLogger("dev.refinery.rabbitmq");
  static final int DEFAULT_DELIVERY_LIMIT = 10;
  static final String DEFAULT_DEAD_LETTER_QUEUE = "refinery.dlq";
  static final QueueDeclarations DEFAULT_DECLARATIONS =
      new QueueDeclarations(DEFAULT_DELIVERY_LIMIT, DEFAULT_DEAD_LETTER_QUEUE);

  // Unset properties come from the environment the run command exports (server-config/README.md).
  private String host = setting("REFINERY_RABBITMQ_HOST", "127.0.0.1");
  private Integer port = Integer.valueOf(setting("REFINERY_RABBITMQ_PORT", "5672"));
  private String addresses = setting("REFINERY_RABBITMQ_ADDRESSES", "");
  private String virtualHost = setting("REFINERY_RABBITMQ_VHOST", "/");
  private String username = setting("REFINERY_RABBITMQ_USER", "guest");
  private String password = setting("REFINERY_RABBITMQ_PASSWORD", "guest");
  private Integer deliveryLimit = DEFAULT_DELIVERY_LIMIT;
  private String deadLetterQueue = DEFAULT_DEAD_LETTER_QUEUE;
  private Integer quorumGroupSize = optionalNumber("REFINERY_RABBITMQ_QUORUM_GROUP_SIZE");

  private transient ScheduledExecutorService scheduler;

  /** The broker's queue figures for JMX clients (the application's Fleet page among them). */
  private transient BrokerQueues queues;

  /** The server's, to learn each delivery transaction's outcome; null on a server without one. */
  private transient TransactionSynchronizationRegistry transactions;

  private final transient Map<MessageEndpointFactory, RabbitActivation> activations =
      new ConcurrentHashMap<>();

  @Override
  public void start(BootstrapContext context) {
    transactions = context.getTransactionSynchronizationRegistry();
    scheduler = Executors.newSingleThreadScheduledExecutor(Threads.named("rabbitmq-ra-reconnect"));
    queues = new BrokerQueues(broker());
    queues.register();
    LOG.log(Level.INFO, "RabbitMQ resource adapter started for {0}", broker());
  }

  TransactionSynchronizationRegistry transactions() {
    return transactions;
  }

  @Override
  public void stop() {
    // The server may already have closed our class loader: touch activation classes only if one
    // exists.
    if (!activations.isEmpty()) {
      activations.values().forEach(RabbitActivation::stop);
      activations.clear();
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (queues != null) {
      queues.close();
    }
    LOG.log(Level.INFO, "RabbitMQ resource adapter stopped");
  }

  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    RabbitActivationSpec activationSpec = (RabbitActivationSpec) spec;
    activationSpec.validate();
    RabbitActivation activation = new RabbitActivation(this, factory, activationSpec);
    activations.put(factory, activation);
    activation.start();
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    RabbitActivation activation = activations.remove(factory);
    if (activation != null) {
      activation.stop();
    }
  }

  /**
   * Nothing to recover: the only XA resource is the outcome probe, which prepares nothing durable.
   */
  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }

  private static String setting(String variable, String fallback) {
    String value = System.getProperty(variable, System.getenv(variable));
    return value == null || value.isBlank() ? fallback : value;
  }

  BrokerSettings broker() {
    return new BrokerSettings(
        BrokerSettings.nodes(addresses, host, port),
        virtualHost,
        username,
        password,
        quorumGroupSize);
  }

  QueueDeclarations declarations() {
    return broker().declarations(deliveryLimit, deadLetterQueue);
  }

  private static Integer optionalNumber(String variable) {
    String value = setting(variable, "");
    try {
      return value.isEmpty() ? null : Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variable + " is a whole number, not '" + value + "'", e);
    }
  }

  /** Every node of a cluster, {@code host:port,host:port,...}; blank: the one host and port. */
  public String getAddresses() {
    return addresses;
  }

  public void setAddresses(String addresses) {
    this.addresses = addresses;
  }

  /**
   * {@code x-quorum-initial-group-size} of every queue the adapter declares; null: the broker's.
   */
  public Integer getQuorumGroupSize() {
    return quorumGroupSize;
  }

  public void setQuorumGroupSize(Integer quorumGroupSize) {
    this.quorumGroupSize = quorumGroupSize;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getVirtualHost() {
    return virtualHost;
  }

  public void setVirtualHost(String virtualHost) {
    this.virtualHost = virtualHost;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public Integer getDeliveryLimit() {
    return deliveryLimit;
  }

  public void setDeliveryLimit(Integer deliveryLimit) {
    this.deliveryLimit = deliveryLimit;
  }

  public String getDeadLetterQueue() {
    return deadLetterQueue;
  }

  public void setDeadLetterQueue(String deadLetterQueue) {
    this.deadLetterQueue = deadLetterQueue;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RabbitResourceAdapter adapter && broker().equals(adapter.broker());
  }

  @Override
  public int hashCode() {
    return broker().hashCode();
  }
}
