package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.sun.tools.attach.VirtualMachine;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.awaitility.Awaitility;

/**
 * Refinery's MBeans as an operator reaches them: jconsole's way, a JMX connector to the server's
 * JVM (its local management agent, started by attaching to the process), so every call runs on a
 * connector thread the application did not start.
 */
final class JmxChecks implements AutoCloseable {

  private static final String DOMAIN = "dev.refinery";

  private final JMXConnector connector;
  private final MBeanServerConnection server;

  JmxChecks(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
    server = connector.getMBeanServerConnection();
  }

  /** Every attribute of every MBean under {@code dev.refinery}: read, none failing. */
  void everyAttributeReads() throws Exception {
    Set<ObjectName> names = server.queryNames(new ObjectName(DOMAIN + ":*"), null);
    assertThat(names.stream().map(ObjectName::getCanonicalName))
        .contains(
            DOMAIN + ":type=Workflow",
            DOMAIN + ":type=Messaging",
            DOMAIN + ":type=Agents",
            DOMAIN + ":type=Alerts",
            DOMAIN + ":name=scanner,type=Scheduling",
            DOMAIN + ":name=poller,type=Scheduling",
            DOMAIN + ":name=detector,type=Scheduling",
            DOMAIN + ":name=retention,type=Scheduling");
    List<String> failures = new ArrayList<>();
    int read = 0;
    for (ObjectName name : names) {
      for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
        try {
          server.getAttribute(name, attribute.getName());
          read++;
        } catch (Exception e) {
          failures.add(name + " " + attribute.getName() + ": " + rootCause(e));
        }
      }
    }
    assertThat(failures).as("attributes that failed over the connector").isEmpty();
    assertThat(read).as("attributes read").isGreaterThanOrEqualTo(20);
  }

  /** Pause, resume and run-now of each timer-driven service, as the attributes show them. */
  void schedulingOperationsWork() throws Exception {
    for (String work : List.of("scanner", "poller", "detector")) {
      ObjectName name = new ObjectName(DOMAIN + ":type=Scheduling,name=" + work);
      server.invoke(name, "pause", null, null);
      assertThat(server.getAttribute(name, "Paused")).as(work + " paused").isEqualTo(true);
      server.invoke(name, "resume", null, null);
      assertThat(server.getAttribute(name, "Paused")).as(work + " resumed").isEqualTo(false);
      Object before = server.getAttribute(name, "LastTick");
      server.invoke(name, "runNow", null, null);
      await(
          () -> attribute(name, "LastTick").filter(tick -> !tick.equals(before)).isPresent(),
          work + " ran after runNow (last tick " + before + ")");
    }
  }

  /**
   * Replays one dead letter and discards another by their ids from {@code OpenDeadLetters}; the
   * audit trail names who acted as the JMX caller (here the OS user the connector let in), not a
   * typed name.
   */
  void deadLetterOperationsWorkAndAreAuditedAsTheCaller(
      String vhost, String jdbcUrl, String dbUser, String dbPassword) throws Exception {
    ObjectName messaging = new ObjectName(DOMAIN + ":type=Messaging");
    List<String> messageIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    var amqp = new com.rabbitmq.client.ConnectionFactory();
    amqp.setHost("127.0.0.1");
    amqp.setVirtualHost(vhost);
    try (com.rabbitmq.client.Connection connection = amqp.newConnection();
        Channel channel = connection.createChannel()) {
      for (String id : messageIds) {
        channel.basicPublish(
            "",
            "refinery.taskmanagement",
            new AMQP.BasicProperties.Builder()
                .messageId(id)
                .contentType("application/json")
                .headers(Map.of("type", "taskmanagement.CreateTask"))
                .build(),
            "{\"title\": broken".getBytes(StandardCharsets.UTF_8));
      }
    }
    List<String> letters = new ArrayList<>();
    await(
        () -> {
          letters.clear();
          messageIds.forEach(id -> deadLetterOf(messaging, id).ifPresent(letters::add));
          return letters.size() == 2;
        },
        "both malformed messages listed in OpenDeadLetters");

    server.invoke(
        messaging,
        "replayDeadLetter",
        new Object[] {letters.get(0)},
        new String[] {String.class.getName()});
    server.invoke(
        messaging,
        "discardDeadLetter",
        new Object[] {letters.get(1)},
        new String[] {String.class.getName()});

    assertThat(openDeadLetters(messaging)).doesNotContainKeys(letters.get(0), letters.get(1));
    String expected = "jmx:" + System.getProperty("user.name");
    try (Connection database = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
        PreparedStatement audit =
            database.prepareStatement(
                "SELECT action, actor FROM monitoring.audit_entry WHERE subject = ? ORDER BY id")) {
      assertThat(auditOf(audit, letters.get(0)))
          .containsExactly("DEAD_LETTER_REPLAYED by " + expected);
      assertThat(auditOf(audit, letters.get(1)))
          .containsExactly("DEAD_LETTER_DISCARDED by " + expected);
    }
  }

  private static List<String> auditOf(PreparedStatement audit, String subject) throws Exception {
    audit.setString(1, subject);
    List<String> entries = new ArrayList<>();
    try (ResultSet rows = audit.executeQuery()) {
      while (rows.next()) {
        entries.add(rows.getString("action") + " by " + rows.getString("actor"));
      }
    }
    return entries;
  }

  private Optional<String> deadLetterOf(ObjectName messaging, String messageId) {
    try {
      return openDeadLetters(messaging).entrySet().stream()
          .filter(letter -> letter.getValue().contains(messageId))
          .map(Map.Entry::getKey)
          .findFirst();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code OpenDeadLetters}: an MXBean map arrives as tabular data of key / value rows. */
  private Map<String, String> openDeadLetters(ObjectName messaging) throws Exception {
    TabularData table = (TabularData) server.getAttribute(messaging, "OpenDeadLetters");
    Map<String, String> letters = new java.util.HashMap<>();
    for (Object row : table.values()) {
      CompositeData entry = (CompositeData) row;
      letters.put((String) entry.get("key"), (String) entry.get("value"));
    }
    return letters;
  }

  private Optional<Object> attribute(ObjectName name, String attribute) {
    try {
      return Optional.ofNullable(server.getAttribute(name, attribute));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The console sessions a member of the data grid keeps, and their size. */
  record GridSessions(int count, long bytes) {}

  /**
   * The console sessions this member keeps in Payara's data grid, as Hazelcast's MBeans show them
   * (REFINERY_DATA_GRID=on turns them on): the web session store is the map named after the
   * console's context path, "/", which is the empty name. Hazelcast refreshes a map's figures every
   * 5 s: this reads until two readings 6 s apart agree.
   */
  GridSessions consoleSessions() throws Exception {
    GridSessions last = readSessions();
    for (int reading = 0; reading < 10; reading++) {
      Thread.sleep(6_000);
      GridSessions now = readSessions();
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    throw new AssertionError("the session store's figures kept changing, last " + last);
  }

  private GridSessions readSessions() throws Exception {
    Set<ObjectName> maps = server.queryNames(new ObjectName("com.hazelcast:type=IMap,*"), null);
    for (ObjectName map : maps) {
      if ("".equals(server.getAttribute(map, "name"))) {
        return new GridSessions(
            ((Number) server.getAttribute(map, "localOwnedEntryCount")).intValue(),
            ((Number) server.getAttribute(map, "localOwnedEntryMemoryCost")).longValue());
      }
    }
    throw new AssertionError("no web session store among the data grid's maps " + maps);
  }

  private static void await(Supplier<Boolean> condition, String what) {
    Awaitility.await(what)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(condition::get);
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  @Override
  public void close() throws Exception {
    connector.close();
  }
}
