package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import dev.refinery.testing.Http;
import jakarta.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code ./refinery soak}: the production artifact on Payara Server under steady open-loop load
 * ({@code SOAK_RATE} workflows/s for {@code SOAK_MINUTES}), every PRD approved through the API, the
 * audit trail exported and acknowledged each minute as an operator's job would, and retention
 * keeping {@code SOAK_RETAIN} (so the pruned tables level off within the run). Every minute it
 * prints the heap after a full GC, the outbox and queue depths, the last minute's latencies and
 * each table's size and rows; at the end it judges the second half of the steady part against the
 * first ({@link SoakVerdict}) and fails when anything kept growing past its bound.
 */
class WorkflowSoak {

  private static final List<String> SCHEMAS =
      List.of(
          "taskmanagement",
          "humaninteraction",
          "productdefinition",
          "orchestration",
          "messaging",
          "monitoring");

  /** The queues whose depth is watched: each context's, and where messages are parked. */
  private static final List<String> QUEUES =
      List.of(
          "refinery.taskmanagement",
          "refinery.humaninteraction",
          "refinery.productdefinition",
          "refinery.orchestration",
          "refinery.dlq",
          "refinery.unreadable",
          "refinery.unrouted");

  /** The tables retention prunes: level once the retention age has passed. */
  static final Set<String> PRUNED =
      Set.of("monitoring.event_log", "messaging.inbox", "monitoring.audit_entry");

  /** Where the soak runs, read when it runs (the verdict's unit tests have none of it). */
  private static final class Run {
    static final int PORT_BASE = Integer.getInteger("it.port.base");
    static final String SERVER = "http://127.0.0.1:" + (PORT_BASE + 80) + "/";
    static final Path RUNTIME = Path.of(System.getProperty("refinery.runtime"));
    static final Path RESULTS = Path.of(System.getenv("SOAK_RESULTS"));
  }

  /** One table at one minute. */
  record TableSize(long bytes, long rows) {}

  /** Everything read at the end of one minute. */
  record Sample(
      int minute,
      long submitted,
      long approved,
      double heapMb,
      long outbox,
      long queued,
      double p50Ms,
      double p99Ms,
      long unfinished,
      Map<String, TableSize> tables) {

    long prunedRows() {
      return tables.entrySet().stream()
          .filter(table -> PRUNED.contains(table.getKey()))
          .mapToLong(table -> table.getValue().rows())
          .sum();
    }

    long prunedBytes() {
      return tables.entrySet().stream()
          .filter(table -> PRUNED.contains(table.getKey()))
          .mapToLong(table -> table.getValue().bytes())
          .sum();
    }

    long keptBytes() {
      return tables.entrySet().stream()
          .filter(table -> !PRUNED.contains(table.getKey()))
          .mapToLong(table -> table.getValue().bytes())
          .sum();
    }
  }

  @Test
  void soak() throws Exception {
    Files.createDirectories(Run.RESULTS);
    Path report = Run.RESULTS.resolve("soak.txt");
    Files.writeString(report, "");
    int minutes = Integer.parseInt(System.getenv().getOrDefault("SOAK_MINUTES", "60"));
    double rate = Double.parseDouble(System.getenv().getOrDefault("SOAK_RATE", "20"));
    Duration retain = Duration.parse(System.getenv().getOrDefault("SOAK_RETAIN", "PT10M"));
    String url =
        "jdbc:postgresql://"
            + Probes.env("REFINERY_DB_HOST")
            + ":"
            + Probes.env("REFINERY_DB_PORT")
            + "/"
            + Probes.env("REFINERY_DB_NAME");
    RefineryCommand refinery =
        new RefineryCommand(Run.RUNTIME, Run.PORT_BASE)
            .with("REFINERY_RETENTION_EVENT_LOG", retain.toString())
            .with("REFINERY_RETENTION_INBOX", retain.toString())
            .with("REFINERY_RETENTION_AUDIT", retain.toString())
            .with("REFINERY_RETENTION_INTERVAL", "PT1M")
            // inbox rows are kept as long as a message can come back: keep that window shorter
            .with("REFINERY_MESSAGING_EARLY_EVENT_HORIZON", "PT2M");
    RefineryCommand.Result started = refinery.run("run");
    assertThat(started.exitCode()).as(started.output()).isZero();
    long serverPid =
        Long.parseLong(Files.readString(Run.RUNTIME.resolve("domains/refinery/config/pid")).trim());
    say(
        report,
        String.format(
            Locale.ROOT,
            "soak: %d min at %.1f workflows/s, retention %s (event log, inbox, audit), Payara"
                + " Server pid %d%n%s",
            minutes,
            rate,
            retain,
            serverPid,
            header()));
    Map<UUID, Instant> submitted = new ConcurrentHashMap<>();
    List<Sample> samples = new ArrayList<>();
    ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger refused = new AtomicInteger();
    ConnectionFactory amqp = new ConnectionFactory();
    amqp.setHost("127.0.0.1");
    amqp.setVirtualHost(Probes.env("REFINERY_RABBITMQ_VHOST"));
    try (Connection database =
            DriverManager.getConnection(
                url, Probes.env("REFINERY_DB_USER"), Probes.env("REFINERY_DB_PASSWORD"));
        AutoApprover approver = new AutoApprover(Run.SERVER);
        com.rabbitmq.client.Connection broker = amqp.newConnection("soak")) {
      load.scheduleAtFixedRate(
          () -> submit(submitted, refused), 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);
      long exportedThrough = 0;
      Instant start = Instant.now();
      for (int minute = 1; minute <= minutes; minute++) {
        Thread.sleep(
            Math.max(
                0, Duration.between(Instant.now(), start.plusSeconds(60L * minute)).toMillis()));
        exportedThrough = exportAudit(exportedThrough);
        Sample sample = sample(minute, submitted, database, broker, serverPid);
        samples.add(sample);
        say(report, line(sample, refused.get()));
      }
    } finally {
      load.shutdownNow();
      refinery.run("stop");
    }
    SoakVerdict verdict = SoakVerdict.of(samples, rate, retain);
    say(report, verdict.describe());
    writeJson(samples, verdict);
    assertThat(verdict.violations()).as("what kept growing past its bound").isEmpty();
  }

  private static void submit(Map<UUID, Instant> submitted, AtomicInteger refused) {
    Instant at = Instant.now();
    String body =
        Json.createObjectBuilder()
            .add("title", "Soak " + UUID.randomUUID())
            .add("description", RefineryEarIT.COMPLETE)
            .add("priority", "MEDIUM")
            .add("requester", "soak")
            .build()
            .toString();
    Http.postJsonAsync(Run.SERVER + "api/requests", body)
        .whenComplete(
            (response, failure) -> {
              if (failure == null && response.statusCode() == 202) {
                submitted.put(UUID.fromString(Http.json(response).getString("taskId")), at);
              } else {
                refused.incrementAndGet();
              }
            });
  }

  /** As an operator's job would: takes the new audit entries, then acknowledges them. */
  private static long exportAudit(long after) {
    long last = after;
    while (true) {
      HttpResponse<String> page =
          Http.get(Run.SERVER + "api/audit/export?after=" + last + "&limit=10000");
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      List<String> lines = page.body().lines().toList();
      if (lines.isEmpty()) {
        break;
      }
      last =
          Json.createReader(new java.io.StringReader(lines.getLast()))
              .readObject()
              .getJsonNumber("id")
              .longValue();
    }
    if (last > after) {
      HttpResponse<String> acknowledged =
          Http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(Run.SERVER + "api/audit/exported"))
                  .header("Content-Type", "application/json")
                  .PUT(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"through\":" + last + "}"))
                  .build());
      assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
    }
    return last;
  }

  private static Sample sample(
      int minute,
      Map<UUID, Instant> submitted,
      Connection database,
      com.rabbitmq.client.Connection broker,
      long pid)
      throws Exception {
    Instant now = Instant.now();
    // the latencies of the minute before last: each of those has had a minute to finish
    List<UUID> window =
        submitted.entrySet().stream()
            .filter(
                entry ->
                    entry.getValue().isAfter(now.minusSeconds(120))
                        && !entry.getValue().isAfter(now.minusSeconds(60)))
            .map(Map.Entry::getKey)
            .toList();
    Map<UUID, Instant> validation = Probes.timesOf(database, "PrdSubmitted", window);
    List<Double> latencies =
        validation.entrySet().stream()
            .map(e -> Duration.between(submitted.get(e.getKey()), e.getValue()).toNanos() / 1e6)
            .sorted()
            .toList();
    long queued = 0;
    for (String queue : QUEUES) {
      queued += depth(broker, queue);
    }
    return new Sample(
        minute,
        submitted.size(),
        Probes.count(
            database, "SELECT count(*) FROM taskmanagement.task WHERE status = 'PRD_APPROVED'"),
        Probes.liveHeapMb(pid),
        Probes.count(database, "SELECT count(*) FROM messaging.outbox"),
        queued,
        Probes.percentile(latencies, 0.5),
        Probes.percentile(latencies, 0.99),
        window.size() - validation.size(),
        tables(database));
  }

  /** Ready messages in the queue; 0 for a queue not declared yet (parking queues come lazily). */
  private static long depth(com.rabbitmq.client.Connection broker, String queue)
      throws IOException {
    Channel channel = broker.createChannel();
    try {
      return channel.queueDeclarePassive(queue).getMessageCount();
    } catch (IOException e) {
      if (e.getCause() instanceof com.rabbitmq.client.ShutdownSignalException signal
          && signal.getReason() instanceof com.rabbitmq.client.AMQP.Channel.Close close
          && close.getReplyCode() == 404) {
        return 0; // the broker closed the channel
      }
      throw e;
    } finally {
      if (channel.isOpen()) {
        try {
          channel.close();
        } catch (java.util.concurrent.TimeoutException e) {
          throw new IOException(e);
        }
      }
    }
  }

  private static Map<String, TableSize> tables(Connection database) throws SQLException {
    Map<String, TableSize> tables = new LinkedHashMap<>();
    try (PreparedStatement query =
        database.prepareStatement(
            "SELECT schemaname || '.' || relname, pg_total_relation_size(relid), n_live_tup"
                + " FROM pg_stat_user_tables WHERE schemaname = ANY (?)"
                + " ORDER BY pg_total_relation_size(relid) DESC")) {
      query.setArray(1, database.createArrayOf("text", SCHEMAS.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.put(rows.getString(1), new TableSize(rows.getLong(2), rows.getLong(3)));
        }
      }
    }
    // the statistics' row estimates lag; the pruned tables, which the verdict judges by rows,
    // counted
    for (String pruned : PRUNED) {
      TableSize size = tables.get(pruned);
      if (size != null) {
        tables.put(
            pruned,
            new TableSize(size.bytes(), Probes.count(database, "SELECT count(*) FROM " + pruned)));
      }
    }
    return tables;
  }

  private static String header() {
    return "min  submitted  approved  heap-MB  outbox  queued  p50-ms  p99-ms  unfinished  refused"
        + "   pruned-rows  kept-MB   tables (MB/rows, largest first)";
  }

  private static String line(Sample s, int refused) {
    StringBuilder tables = new StringBuilder();
    s.tables().entrySet().stream()
        .limit(8)
        .forEach(
            table ->
                tables.append(
                    String.format(
                        Locale.ROOT,
                        " %s %.1f/%d",
                        table.getKey().substring(table.getKey().indexOf('.') + 1),
                        table.getValue().bytes() / 1048576.0,
                        table.getValue().rows())));
    return String.format(
        Locale.ROOT,
        "%3d  %9d  %8d  %7.1f  %6d  %6d  %6.0f  %6.0f  %10d  %7d   %11d  %7.1f  %s",
        s.minute(),
        s.submitted(),
        s.approved(),
        s.heapMb(),
        s.outbox(),
        s.queued(),
        s.p50Ms(),
        s.p99Ms(),
        s.unfinished(),
        refused,
        s.prunedRows(),
        s.keptBytes() / 1048576.0,
        tables);
  }

  private static void say(Path report, String text) throws IOException {
    Files.writeString(report, text + System.lineSeparator(), StandardOpenOption.APPEND);
  }

  private static void writeJson(List<Sample> samples, SoakVerdict verdict) throws IOException {
    var array = Json.createArrayBuilder();
    for (Sample s : samples) {
      var tables = Json.createObjectBuilder();
      s.tables()
          .forEach(
              (name, size) ->
                  tables.add(
                      name,
                      Json.createObjectBuilder()
                          .add("bytes", size.bytes())
                          .add("rows", size.rows())));
      array.add(
          Json.createObjectBuilder()
              .add("minute", s.minute())
              .add("submitted", s.submitted())
              .add("approved", s.approved())
              .add("heapMb", s.heapMb())
              .add("outbox", s.outbox())
              .add("queued", s.queued())
              .add("p50Ms", Double.isNaN(s.p50Ms()) ? -1 : s.p50Ms())
              .add("p99Ms", Double.isNaN(s.p99Ms()) ? -1 : s.p99Ms())
              .add("unfinished", s.unfinished())
              .add("tables", tables));
    }
    Files.writeString(
        Run.RESULTS.resolve("soak.json"),
        Json.createObjectBuilder()
            .add("samples", array)
            .add("violations", Json.createArrayBuilder(verdict.violations()))
            .build()
            .toString());
  }
}
