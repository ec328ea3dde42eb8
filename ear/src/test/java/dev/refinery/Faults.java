package dev.refinery;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The fault suite's injections that speak to the broker or the database directly. */
final class Faults {

  /** Where events are published, with their type as routing key (docs/wire-format.md). */
  static final String EVENTS = "refinery.events";

  static final String COMMANDS = "refinery.commands";

  private Faults() {}

  static ConnectionFactory amqp(int port) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(port);
    return factory;
  }

  /**
   * F3: copies {@code count} real events off the events exchange while the load runs (a queue of
   * the suite's own, bound beside the contexts' queues), then publishes each again unchanged: the
   * first half once more (delivered 2×), the second half nine times more (delivered 10×). Returns
   * their message ids.
   */
  static Set<UUID> duplicateEvents(int port, int count) throws Exception {
    List<GetResponse> copies = new ArrayList<>();
    try (com.rabbitmq.client.Connection connection = amqp(port).newConnection("fault-suite-tap");
        Channel channel = connection.createChannel()) {
      String tap = channel.queueDeclare("", false, true, true, null).getQueue();
      channel.queueBind(tap, EVENTS, "#");
      long deadline = System.currentTimeMillis() + 30_000;
      while (copies.size() < count && System.currentTimeMillis() < deadline) {
        GetResponse copy = channel.basicGet(tap, true);
        if (copy == null) {
          Thread.sleep(20);
        } else if (copy.getProps().getMessageId() != null) {
          copies.add(copy);
        }
      }
      channel.queueDelete(tap);
      Set<UUID> ids = new LinkedHashSet<>();
      for (int i = 0; i < copies.size(); i++) {
        GetResponse copy = copies.get(i);
        int extra = i < copies.size() / 2 ? 1 : 9;
        for (int n = 0; n < extra; n++) {
          channel.basicPublish(
              EVENTS, copy.getEnvelope().getRoutingKey(), copy.getProps(), copy.getBody());
        }
        ids.add(UUID.fromString(copy.getProps().getMessageId()));
      }
      if (ids.size() < count) {
        throw new IllegalStateException(
            "only " + ids.size() + " of " + count + " events seen on " + EVENTS);
      }
      return ids;
    }
  }

  /**
   * F4: messages that can never be handled, published with the plain AMQP client as another program
   * would: on Orchestration's queue a command nobody handles, a body that is not the type's JSON
   * and an event about a task nobody knows (it fails on every attempt); on Product Definition's
   * queue a RequestValidationStarted without the request it must carry; a command type no queue is
   * bound to, on the commands exchange (parked as unroutable); and {@code raw} messages with a
   * message id but no type on Task Management's queue. Returns the ids of them all.
   */
  static Set<UUID> poison(int port, int raw) throws Exception {
    String stranger = UUID.randomUUID().toString();
    Set<UUID> ids = new LinkedHashSet<>();
    try (com.rabbitmq.client.Connection connection =
            amqp(port).newConnection("fault-suite-poison");
        Channel channel = connection.createChannel()) {
      channel.confirmSelect();
      for (int i = 0; i < raw; i++) {
        UUID id = UUID.randomUUID();
        channel.basicPublish(
            "",
            "refinery.taskmanagement",
            new AMQP.BasicProperties.Builder().deliveryMode(2).messageId(id.toString()).build(),
            ("no type " + i).getBytes(StandardCharsets.UTF_8));
        ids.add(id);
      }
      ids.add(
          send(
              channel,
              "",
              "refinery.orchestration",
              "command",
              "orchestration.NoSuchCommand",
              stranger,
              "{\"taskId\":\"" + stranger + "\"}"));
      ids.add(
          send(
              channel,
              "",
              "refinery.orchestration",
              "event",
              "taskmanagement.TaskCreated",
              stranger,
              "{\"taskId\": [not json"));
      ids.add(
          send(
              channel,
              "",
              "refinery.orchestration",
              "event",
              "taskmanagement.PrdSubmitted",
              stranger,
              "{\"taskId\":\""
                  + stranger
                  + "\",\"status\":\"PRD_VALIDATION\",\"round\":0,\"revision\":1}"));
      ids.add(
          send(
              channel,
              "",
              "refinery.productdefinition",
              "event",
              "taskmanagement.RequestValidationStarted",
              stranger,
              "{\"taskId\":\""
                  + stranger
                  + "\",\"status\":\"REQUEST_VALIDATION\",\"round\":0,\"revision\":0,"
                  + "\"assignedPool\":\"product-manager\"}"));
      ids.add(
          send(
              channel,
              COMMANDS,
              "orchestration.NobodyIsBoundToThis",
              "command",
              "orchestration.NobodyIsBoundToThis",
              stranger,
              "{\"taskId\":\"" + stranger + "\"}"));
      channel.waitForConfirmsOrDie(10_000);
    }
    return ids;
  }

  private static UUID send(
      Channel channel,
      String exchange,
      String routingKey,
      String kind,
      String type,
      String task,
      String body)
      throws IOException {
    UUID id = UUID.randomUUID();
    channel.basicPublish(
        exchange,
        routingKey,
        new AMQP.BasicProperties.Builder()
            .deliveryMode(2)
            .contentType("application/json")
            .messageId(id.toString())
            .correlationId(task)
            .headers(
                Map.of(
                    "type",
                    type,
                    "kind",
                    kind,
                    "source",
                    "taskmanagement",
                    "occurredAt",
                    Instant.now().toString()))
            .build(),
        body.getBytes(StandardCharsets.UTF_8));
    return id;
  }

  /** F5: ends every connection to the suite's database but the suite's own; how many it ended. */
  static int terminateConnections(Connection database) throws SQLException {
    try (Statement statement = database.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname ="
                    + " current_database() AND pid <> pg_backend_pid() AND application_name <> '"
                    + StallWatch.APPLICATION_NAME
                    + "'")) {
      row.next();
      return row.getInt(1);
    }
  }

  /** F6: SIGSTOP or SIGCONT to a process this suite started. */
  static void signal(ProcessHandle process, String signal) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
    }
  }
}
