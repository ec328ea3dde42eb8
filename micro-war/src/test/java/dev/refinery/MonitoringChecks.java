package dev.refinery;

import static dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.orchestration.api.MonitoringProbe;
import dev.refinery.shared.infrastructure.management.RefineryMetric;
import dev.refinery.shared.infrastructure.messaging.memory.InMemoryMessageQueue;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.shared.monitoring.EventLog;
import dev.refinery.shared.monitoring.MessageRecord;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The monitoring decorator inside Payara Micro: on both adapters, and harmless when it cannot
 * write.
 */
final class MonitoringChecks {

  private static final Set<String> HANDLED = ConcurrentHashMap.newKeySet();
  private static volatile boolean subscribed;

  private final MessageQueue jms;
  private final InMemoryMessageQueue inMemory;
  private final EventLog log;
  private final UserTransaction transaction;
  private final DataSource dataSource;
  private final MetricRegistry metrics;

  MonitoringChecks(
      MessageQueue jms,
      InMemoryMessageQueue inMemory,
      EventLog log,
      UserTransaction transaction,
      DataSource dataSource,
      MetricRegistry metrics) {
    this.jms = jms;
    this.inMemory = inMemory;
    this.log = log;
    this.transaction = transaction;
    this.dataSource = dataSource;
    this.metrics = metrics;
    if (!subscribed) {
      subscribed = true;
      jms.subscribeToCommands(
          BoundedContext.ORCHESTRATION,
          Set.of(MonitoringProbe.class),
          envelope -> HANDLED.add(envelope.payload().correlationId()));
    }
  }

  /**
   * Both adapters are intercepted: a message sent through either shows up published and consumed.
   */
  void interceptorRecordsPublishAndConsumptionOnBothAdapters() throws Exception {
    assertThat(jms.getClass().getName()).as("the port's bean").contains("JmsMessageQueue");
    String viaJms = "monitor-jms-" + UUID.randomUUID();
    String viaMemory = "monitor-memory-" + UUID.randomUUID();

    transaction.begin();
    jms.publishCommand(ORCHESTRATION, new MonitoringProbe(viaJms));
    transaction.commit();
    inMemory.publishCommand(ORCHESTRATION, new MonitoringProbe(viaMemory));

    for (String probe : List.of(viaJms, viaMemory)) {
      List<MessageRecord> lines = lines(probe, 2);
      assertThat(lines)
          .as(probe)
          .extracting(MessageRecord::direction, MessageRecord::target, MessageRecord::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("PUBLISHED", "orchestration", "published"),
              org.assertj.core.groups.Tuple.tuple("CONSUMED", "orchestration", "ok"));
      assertThat(lines.get(0).messageId()).isEqualTo(lines.get(1).messageId());
      assertThat(lines)
          .allSatisfy(
              line -> {
                assertThat(line.type()).isEqualTo("orchestration.MonitoringProbe");
                assertThat(line.kind()).isEqualTo("COMMAND");
                assertThat(line.attempt()).isEqualTo(1);
              });
    }
  }

  /**
   * With the event log refusing every write, messages are handled all the same; the lost lines are
   * counted.
   */
  void monitoringThatCannotWriteNeverStopsMessages() throws Exception {
    long droppedBefore = metrics.counter(RefineryMetric.MONITORING_DROPPED.metadata()).getCount();
    String probe = "monitor-broken-" + UUID.randomUUID();
    sql(
        "CREATE OR REPLACE FUNCTION monitoring.it_refuse() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN RAISE EXCEPTION 'the event log refuses writes (test)'; END $$");
    sql(
        "CREATE TRIGGER it_refuse BEFORE INSERT ON monitoring.event_log FOR EACH STATEMENT EXECUTE"
            + " FUNCTION monitoring.it_refuse()");
    try {
      transaction.begin();
      jms.publishCommand(ORCHESTRATION, new MonitoringProbe(probe));
      transaction.commit();
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(HANDLED)
                      .as("handled while monitoring could not write")
                      .contains(probe));
      // The consumption's line follows its transaction's commit; a refused batch is written again a
      // few times (EventLog.WRITE_ATTEMPTS, 6.3 s of pauses) before it is counted as dropped.
      // (The event log's own flush does the writing: a flush called here would keep retrying what
      // the running system keeps logging, and not come back while the database refuses.)
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          metrics.counter(RefineryMetric.MONITORING_DROPPED.metadata()).getCount())
                      .isGreaterThan(droppedBefore));
    } finally {
      sql("DROP TRIGGER it_refuse ON monitoring.event_log");
    }
    String after = "monitor-after-" + UUID.randomUUID();
    inMemory.publishCommand(ORCHESTRATION, new MonitoringProbe(after));
    assertThat(lines(after, 2)).as("recorded again once the table is back").hasSize(2);
  }

  /** The lines about the correlation id once there are at least {@code expected} (up to 15 s). */
  private List<MessageRecord> lines(String correlationId, int expected) {
    return await("at least " + expected + " event log lines about " + correlationId)
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              log.flush();
              return log.history(correlationId);
            },
            lines -> lines.size() >= expected);
  }

  private void sql(String statement) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement update = connection.createStatement()) {
      update.execute(statement);
    }
  }
}
