package dev.refinery.serverconfig;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Opens one AMQP connection with the credentials and virtual host the application will use. */
public final class RabbitCheck {

  private static final int TIMEOUT_MILLIS = 5_000;

  private final Settings settings;

  public RabbitCheck(Settings settings) {
    this.settings = settings;
  }

  public Optional<Problem> connect() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(settings.rabbitHost());
    factory.setPort(settings.rabbitPort());
    factory.setVirtualHost(settings.rabbitVirtualHost());
    factory.setUsername(settings.rabbitUser());
    factory.setPassword(settings.rabbitPassword());
    factory.setConnectionTimeout(TIMEOUT_MILLIS);
    factory.setHandshakeTimeout(TIMEOUT_MILLIS);
    factory.setAutomaticRecoveryEnabled(false);
    try (Connection ignored = factory.newConnection("refinery-preflight")) {
      return Optional.empty();
    } catch (IOException | TimeoutException e) {
      return Optional.of(explain(e));
    }
  }

  Problem explain(Exception e) {
    String where = settings.rabbitHost() + ":" + settings.rabbitPort();
    Throwable cause = rootCause(e);
    if (e instanceof AuthenticationFailureException
        || cause instanceof AuthenticationFailureException) {
      return new Problem(
          "RabbitMQ at "
              + where
              + " refused user '"
              + settings.rabbitUser()
              + "' (wrong user or password)",
          "Set REFINERY_RABBITMQ_USER and REFINERY_RABBITMQ_PASSWORD");
    }
    if (cause instanceof ShutdownSignalException signal && mentionsVirtualHost(signal)) {
      return new Problem(
          "RabbitMQ at "
              + where
              + " has no virtual host '"
              + settings.rabbitVirtualHost()
              + "' open to user '"
              + settings.rabbitUser()
              + "'",
          "Create it (sudo rabbitmqctl add_vhost "
              + settings.rabbitVirtualHost()
              + " && sudo rabbitmqctl set_permissions -p "
              + settings.rabbitVirtualHost()
              + " "
              + settings.rabbitUser()
              + " '.*' '.*' '.*') or set REFINERY_RABBITMQ_VHOST");
    }
    if (cause instanceof ConnectException
        || cause instanceof SocketTimeoutException
        || cause instanceof UnknownHostException
        || e instanceof TimeoutException) {
      return new Problem(
          "RabbitMQ is not reachable at " + where + " (" + PostgresCheck.firstLine(cause) + ")",
          "Start it (sudo rabbitmq-server -detached), install it (sudo apt-get install"
              + " rabbitmq-server), or point REFINERY_RABBITMQ_HOST/REFINERY_RABBITMQ_PORT at a"
              + " running broker");
    }
    return new Problem(
        "RabbitMQ at " + where + " failed: " + PostgresCheck.firstLine(cause),
        "Check REFINERY_RABBITMQ_HOST, REFINERY_RABBITMQ_PORT, REFINERY_RABBITMQ_VHOST and the"
            + " credentials");
  }

  private static boolean mentionsVirtualHost(ShutdownSignalException signal) {
    String message = String.valueOf(signal.getMessage());
    return message.contains("vhost") || message.contains("virtual host");
  }

  private static Throwable rootCause(Throwable e) {
    Throwable current = e;
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }
}
