package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.testing.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./refinery bench workflow}: the production artifact on Payara Server (and a Payara Micro
 * worker with {@code BENCH_INSTANCES=2}), the offline agent thinking {@code BENCH_THINK}, every PRD
 * approved through the API as soon as it waits. Open-loop submissions at fixed rates, then a
 * closed-loop burst; latencies from the database's transition timestamps; each figure beside the
 * raw ceilings measured in the same run. Prints one JSON line and a table, and keeps both under
 * target/bench.
 */
class WorkflowBenchmark {

  private static final int PORT_BASE = Integer.getInteger("it.port.base");
  private static final int WORKER_PORT = Integer.getInteger("it.worker.port");
  private static final String SERVER = "http://127.0.0.1:" + (PORT_BASE + 80) + "/";
  private static final Path RUNTIME = Path.of(System.getProperty("refinery.runtime"));
  private static final Path RESULTS = Path.of(System.getenv("BENCH_RESULTS"));
  private static final String THINK = System.getenv().getOrDefault("BENCH_THINK", "PT0S");
  private static final String DESCRIPTION = RefineryEarIT.COMPLETE;
  private static final int IN_FLIGHT = 2_000;

  /** Idle is measured with this many finished workflows stored, after the burst has settled. */
  private static final int IDLE_STORED = 100_000;

  private static final Duration IDLE_SETTLE = Duration.ofSeconds(30);
  private static final Duration IDLE_WINDOW = Duration.ofSeconds(60);

  /** One open-loop rate: what was asked, what came out. */
  record Rate(
      double offered,
      int tasks,
      double toValidationPerSecond,
      double toApprovalPerSecond,
      double submitToValidationP50Ms,
      double submitToValidationP99Ms) {}

  @Test
  void measure() throws Exception {
    Files.createDirectories(RESULTS);
    Map<String, String> db =
        Map.of(
            "host",
            Probes.env("REFINERY_DB_HOST"),
            "port",
            Probes.env("REFINERY_DB_PORT"),
            "name",
            Probes.env("REFINERY_DB_NAME"),
            "user",
            Probes.env("REFINERY_DB_USER"),
            "password",
            Probes.env("REFINERY_DB_PASSWORD"));
    List<Double> rates =
        List.of(System.getenv().getOrDefault("BENCH_RATES", "5,10,20").split(",")).stream()
            .map(String::strip)
            .map(Double::parseDouble)
            .toList();
    int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "20"));
    int burst = Integer.parseInt(System.getenv().getOrDefault("BENCH_BURST", "200"));
    int instances = Integer.parseInt(System.getenv().getOrDefault("BENCH_INSTANCES", "1"));
    String url =
        "jdbc:postgresql://" + db.get("host") + ":" + db.get("port") + "/" + db.get("name");

    try (Connection database =
        DriverManager.getConnection(url, db.get("user"), db.get("password"))) {
      double loadBefore = Ceilings.loadAverage();
      Ceilings ceilings =
          Ceilings.measure(database, db, Probes.env("REFINERY_RABBITMQ_VHOST"), RESULTS);
      RefineryCommand refinery =
          new RefineryCommand(RUNTIME, PORT_BASE).with("REFINERY_AGENT_OFFLINE_THINK_TIME", THINK);
      RefineryCommand.Result started = refinery.run("run");
      assertThat(started.exitCode()).as(started.output()).isZero();
      long serverPid =
          Long.parseLong(Files.readString(RUNTIME.resolve("domains/refinery/config/pid")).trim());
      if (instances == 2) {
        RefineryCommand.Result worker =
            refinery.run("worker", "start", "--port", String.valueOf(WORKER_PORT));
        assertThat(worker.exitCode()).as(worker.output()).isZero();
      }
      long workerPid =
          instances == 2
              ? Long.parseLong(
                  Files.readString(RUNTIME.resolve("workers/" + WORKER_PORT + "/pid")).trim())
              : -1;
      List<Rate> open = new ArrayList<>();
      Rate closed;
      Map<String, Double> perStep;
      Map<String, Double> perWorkflow;
      double[] steps;
      Instant[] lastOpenLoop = new Instant[2];
      List<HopLatency.Hop> hops;
      double idleCpu;
      Map<String, Double> idleThreads;
      long stored;
      double[] heap;
      try (AutoApprover approver = new AutoApprover(SERVER)) {
        openLoop(5, 10, database); // warm-up: JIT, pools, caches
        for (double rate : rates) {
          lastOpenLoop[0] = Instant.now();
          open.add(openLoop(rate, seconds, database));
          lastOpenLoop[1] = Instant.now();
        }
        Map<String, Long> before = counters(database);
        Map<String, Long> cpuBefore = cpuTicksByProcess(serverPid, workerPid);
        double deliveriesBefore = deliveries(instances);
        Probes.jcmd(
            serverPid,
            "JFR.start name=burst settings=profile filename=" + RESULTS.resolve("burst.jfr"));
        closed = closedLoop(burst, database);
        Probes.jcmd(serverPid, "JFR.stop name=burst");
        Map<String, Long> cpuAfter = cpuTicksByProcess(serverPid, workerPid);
        double deliveriesAfter = deliveries(instances);
        Thread.sleep(1_500); // statistics reach pg_stat_* at most a second after their transactions
        Map<String, Long> after = counters(database);
        long transitions = after.get("transitions") - before.get("transitions");
        perStep =
            Map.of(
                "commits",
                (after.get("commits") - before.get("commits")) / (double) transitions,
                "walSyncs",
                (after.get("walSyncs") - before.get("walSyncs")) / (double) transitions,
                "messages",
                (after.get("messages") - before.get("messages")) / (double) transitions);
        perWorkflow = new java.util.LinkedHashMap<>();
        perWorkflow.put(
            "write_transactions",
            (after.get("xids") - before.get("xids")) / (double) closed.tasks());
        perWorkflow.put(
            "rolled_back_transactions",
            (after.get("rollbacks") - before.get("rollbacks")) / (double) closed.tasks());
        perWorkflow.put(
            "commits", (after.get("commits") - before.get("commits")) / (double) closed.tasks());
        perWorkflow.put(
            "publications",
            (after.get("messages") - before.get("messages")) / (double) closed.tasks());
        perWorkflow.put("deliveries", (deliveriesAfter - deliveriesBefore) / closed.tasks());
        long ticksPerSecond =
            Long.parseLong(
                new String(
                        new ProcessBuilder("getconf", "CLK_TCK")
                            .start()
                            .getInputStream()
                            .readAllBytes())
                    .trim());
        for (String process : cpuAfter.keySet()) {
          perWorkflow.put(
              "cpu_ms_" + process,
              (cpuAfter.get(process) - cpuBefore.getOrDefault(process, 0L))
                  * 1000.0
                  / ticksPerSecond
                  / closed.tasks());
        }
        steps = stepLatencies(database);
        hops = HopLatency.between(database, lastOpenLoop[0], lastOpenLoop[1]);
      } finally {
        if (instances == 2) {
          refinery.run("worker", "stop", "--port", String.valueOf(WORKER_PORT));
        }
      }
      try {
        topUp(database, IDLE_STORED);
        stored = Probes.count(database, "SELECT count(*) FROM taskmanagement.task");
        Thread.sleep(
            IDLE_SETTLE
                .toMillis()); // the JIT's compilations after the burst, and the inserts' autovacuum
        Map<String, Long> threadsBefore = threadTicks(serverPid);
        idleCpu = cpuPercent(serverPid, IDLE_WINDOW);
        idleThreads = threadShares(threadsBefore, threadTicks(serverPid), IDLE_WINDOW);
        // recorded apart: the recorder's own sampling would count in the figure above
        Probes.jcmd(
            serverPid,
            "JFR.start name=idle settings=profile filename=" + RESULTS.resolve("idle.jfr"));
        Thread.sleep(IDLE_WINDOW.toMillis() / 2);
        Probes.jcmd(serverPid, "JFR.stop name=idle");
        heap = heapPer10kInFlight(serverPid, database);
      } finally {
        refinery.run("stop");
      }
      Map<Integer, double[]> queries = new java.util.TreeMap<>();
      for (int size : new int[] {100_000, 1_000_000}) {
        queries.put(size, queryTimes(database, size));
      }
      Map<String, Double> profile = Profile.byComponent(RESULTS.resolve("burst.jfr"));
      Map<String, Double> idleProfile = Profile.byComponent(RESULTS.resolve("idle.jfr"));
      report(
          ceilings,
          loadBefore,
          open,
          closed,
          perStep,
          perWorkflow,
          steps,
          hops,
          idleCpu,
          stored,
          instances,
          queries,
          heap,
          profile,
          idleProfile,
          idleThreads);
    }
  }

  /**
   * Submits {@code rate} workflows a second for {@code seconds}, whether or not earlier ones are
   * done.
   */
  private Rate openLoop(double rate, int seconds, Connection database) throws Exception {
    int tasks = (int) Math.round(rate * seconds);
    Map<UUID, Instant> submitted = new ConcurrentHashMap<>();
    List<CompletableFuture<?>> posts = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.scheduleAtFixedRate(
        () -> {
          if (next.getAndIncrement() < tasks) {
            posts.add(submit(submitted));
          }
        },
        0,
        (long) (1e9 / rate),
        TimeUnit.NANOSECONDS);
    while (next.get() < tasks) {
      Thread.sleep(50);
    }
    timer.shutdown();
    CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    return measured(rate, submitted, database);
  }

  /** Submits them all at once and measures how fast the system empties the pile. */
  private Rate closedLoop(int tasks, Connection database) throws Exception {
    Map<UUID, Instant> submitted = new ConcurrentHashMap<>();
    List<CompletableFuture<?>> posts = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      posts.add(submit(submitted));
    }
    CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    return measured(0, submitted, database);
  }

  private CompletableFuture<?> submit(Map<UUID, Instant> submitted) {
    Instant at = Instant.now();
    String body =
        Json.createObjectBuilder()
            .add("title", "Bench " + UUID.randomUUID())
            .add("description", DESCRIPTION)
            .add("priority", "MEDIUM")
            .add("requester", "bench")
            .build()
            .toString();
    return Http.postJsonAsync(SERVER + "api/requests", body)
        .thenAccept(
            response -> {
              if (response.statusCode() != 202) {
                throw new IllegalStateException(
                    "submission refused: " + response.statusCode() + " " + response.body());
              }
              submitted.put(UUID.fromString(Http.json(response).getString("taskId")), at);
            });
  }

  /** Waits until every submitted workflow is approved, then reads the transitions' times. */
  private Rate measured(double offered, Map<UUID, Instant> submitted, Connection database)
      throws Exception {
    List<UUID> ids = List.copyOf(submitted.keySet());
    long deadline = System.currentTimeMillis() + 300_000;
    while (Probes.timesOf(database, "PrdApproved", ids).size() < ids.size()) {
      assertThat(System.currentTimeMillis())
          .as("all %d workflows approved within 5 minutes", ids.size())
          .isLessThan(deadline);
      Thread.sleep(200);
    }
    Map<UUID, Instant> validation = Probes.timesOf(database, "PrdSubmitted", ids);
    Map<UUID, Instant> approval = Probes.timesOf(database, "PrdApproved", ids);
    Instant first = Collections.min(submitted.values());
    List<Double> latencies =
        ids.stream()
            .map(id -> Duration.between(submitted.get(id), validation.get(id)).toNanos() / 1e6)
            .sorted()
            .toList();
    return new Rate(
        offered,
        ids.size(),
        perSecond(ids.size(), first, Collections.max(validation.values())),
        perSecond(ids.size(), first, Collections.max(approval.values())),
        Probes.percentile(latencies, 0.5),
        Probes.percentile(latencies, 0.99));
  }

  /**
   * Commits (every one, read-only and pool validations too), rollbacks, transaction ids handed out
   * (write transactions, cluster-wide: nothing else writes here; a write rolled back takes one
   * too), WAL syncs, published messages and task transitions so far.
   */
  private static Map<String, Long> counters(Connection database) throws SQLException {
    return Map.of(
        "commits",
        Probes.count(
            database,
            "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"),
        "rollbacks",
        Probes.count(
            database,
            "SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()"),
        "xids",
        Probes.count(database, "SELECT txid_snapshot_xmax(txid_current_snapshot())"),
        "walSyncs",
        Probes.count(database, "SELECT wal_sync FROM pg_stat_wal"),
        "messages",
        Probes.count(
            database, "SELECT count(*) FROM monitoring.event_log WHERE direction = 'PUBLISHED'"),
        "transitions",
        Probes.count(database, "SELECT count(*) FROM taskmanagement.task_history"));
  }

  /**
   * p50 and p99 of the time from one transition of a task to its next, in milliseconds, over the
   * run.
   */
  private static double[] stepLatencies(Connection database) throws SQLException {
    try (Statement statement = database.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.99)"
                    + " WITHIN GROUP (ORDER BY ms) FROM (SELECT extract(epoch FROM lead(at) OVER"
                    + " (PARTITION BY task_id ORDER BY id) - at) * 1000 AS ms, event FROM"
                    + " taskmanagement.task_history) steps WHERE ms IS NOT NULL AND event <>"
                    + " 'PrdSubmitted'")) {
      row.next();
      return new double[] {row.getDouble(1), row.getDouble(2)};
    }
  }

  /**
   * The scanner's and the poller's queries, timed by EXPLAIN ANALYZE (in a transaction rolled
   * back), with the tables topped up to {@code stored} finished workflows: {scan ms, claim ms}.
   */
  private static double[] queryTimes(Connection database, int stored) throws SQLException {
    topUp(database, stored);
    return new double[] {
      executionMillis(
          database,
          "SELECT task_id FROM orchestration.workflow WHERE status = 'NEW' AND start_requested_at"
              + " IS NULL ORDER BY priority_rank DESC, created_at LIMIT 100 FOR UPDATE SKIP"
              + " LOCKED"),
      executionMillis(
          database,
          "SELECT task_id FROM productdefinition.work_item WHERE pool = 'product-manager' AND"
              + " ((status = 'READY' AND available_at <= now()) OR (status = 'RUNNING' AND"
              + " lease_until < now())) ORDER BY priority_rank DESC, created_at LIMIT 4 FOR UPDATE"
              + " SKIP LOCKED")
    };
  }

  /**
   * Tops the contexts' tables up to {@code stored} finished workflows (approved, their work items
   * done): what a server that has run for a while keeps, and what its timers' queries must not
   * scan.
   */
  private static void topUp(Connection database, int stored) throws SQLException {
    long tasks = Probes.count(database, "SELECT count(*) FROM taskmanagement.task");
    long have = Probes.count(database, "SELECT count(*) FROM orchestration.workflow");
    try (Statement statement = database.createStatement()) {
      if (tasks < stored) {
        statement.execute(
            "INSERT INTO taskmanagement.task (id, title, description, requester, priority, status,"
                + " created_at, updated_at) SELECT gen_random_uuid(), 'Finished ' || g, 'A finished"
                + " request', 'bench', 'LOW', 'PRD_APPROVED', now() - g * interval '1 second',"
                + " now() FROM generate_series(1, "
                + (stored - tasks)
                + ") g");
      }
      if (have < stored) {
        statement.execute(
            "INSERT INTO orchestration.workflow (task_id, title, requester, priority,"
                + " priority_rank, status, created_at, updated_at, round, revision, notified_round,"
                + " notified_revision) SELECT gen_random_uuid(), 'Finished ' || g, 'bench', 'LOW',"
                + " 0, 'PRD_APPROVED', now() - g * interval '1 second', now(), 0, 1, 0, 1 FROM"
                + " generate_series(1, "
                + (stored - have)
                + ") g");
      }
      long items = Probes.count(database, "SELECT count(*) FROM productdefinition.work_item");
      if (items < stored) {
        statement.execute(
            "INSERT INTO productdefinition.work_item (task_id, pool, title, description, requester,"
                + " priority, priority_rank, status, available_at, created_at, updated_at) SELECT"
                + " gen_random_uuid(), 'product-manager', 'Finished ' || g, 'A finished request',"
                + " 'bench', 'LOW', 0, 'DONE', now(), now() - g * interval '1 second', now() FROM"
                + " generate_series(1, "
                + (stored - items)
                + ") g");
      }
      statement.execute("ANALYZE taskmanagement.task");
      statement.execute("ANALYZE orchestration.workflow");
      statement.execute("ANALYZE productdefinition.work_item");
    }
  }

  /** The best of five executions, so a cold cache does not count. */
  private static double executionMillis(Connection database, String query) throws SQLException {
    boolean autoCommit = database.getAutoCommit();
    database.setAutoCommit(false);
    try (Statement statement = database.createStatement()) {
      double best = Double.MAX_VALUE;
      for (int i = 0; i < 5; i++) {
        try (ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + query)) {
          plan.next();
          JsonObject root =
              Json.createReader(new java.io.StringReader(plan.getString(1)))
                  .readArray()
                  .getJsonObject(0);
          best = Math.min(best, root.getJsonNumber("Execution Time").doubleValue());
        }
      }
      return best;
    } finally {
      database.rollback();
      database.setAutoCommit(autoCommit);
    }
  }

  /**
   * Heap the server keeps per 10,000 tasks in flight: live heap after a full GC (jcmd) before, and
   * after {@value #IN_FLIGHT} more workflows have reached PRD_VALIDATION and wait there for an
   * approver (nobody approves them; the outbox is empty again), scaled to 10,000. Returns {MB per
   * 10k, tasks in flight, MB before, max heap MB}.
   */
  private static double[] heapPer10kInFlight(long pid, Connection database) throws Exception {
    long waitingBefore =
        Probes.count(
            database, "SELECT count(*) FROM taskmanagement.task WHERE status = 'PRD_VALIDATION'");
    double before = Probes.liveHeapMb(pid);
    java.util.concurrent.Semaphore open = new java.util.concurrent.Semaphore(64);
    List<CompletableFuture<?>> posts = new ArrayList<>();
    for (int i = 0; i < IN_FLIGHT; i++) {
      open.acquire();
      String body =
          Json.createObjectBuilder()
              .add("title", "In flight " + i)
              .add("description", DESCRIPTION)
              .add("priority", "LOW")
              .add("requester", "bench")
              .build()
              .toString();
      posts.add(
          Http.postJsonAsync(SERVER + "api/requests", body)
              .whenComplete((response, failure) -> open.release()));
    }
    CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    long deadline = System.currentTimeMillis() + 600_000;
    long waiting;
    do {
      Thread.sleep(1_000);
      waiting =
          Probes.count(
                  database,
                  "SELECT count(*) FROM taskmanagement.task WHERE status = 'PRD_VALIDATION'")
              - waitingBefore;
    } while ((waiting < IN_FLIGHT
            || Probes.count(database, "SELECT count(*) FROM messaging.outbox") > 0)
        && System.currentTimeMillis() < deadline);
    Thread.sleep(3_000); // the last consumptions' event log lines
    double after = Probes.liveHeapMb(pid);
    Matcher max =
        Pattern.compile("(?:reserved|total) (\\d+)K").matcher(Probes.jcmd(pid, "GC.heap_info"));
    return new double[] {
      (after - before) * 10_000 / Math.max(waiting, 1),
      waiting,
      before,
      max.find() ? Long.parseLong(max.group(1)) / 1024.0 : -1
    };
  }

  /**
   * CPU ticks used so far by Payara Server, the worker (if any), every PostgreSQL process, every
   * RabbitMQ (Erlang) process, and this JVM (the load generator and approver).
   */
  private static Map<String, Long> cpuTicksByProcess(long serverPid, long workerPid)
      throws IOException {
    Map<String, Long> ticks = new java.util.LinkedHashMap<>();
    ticks.put("payara_server", ticksOrZero(serverPid));
    if (workerPid > 0) {
      ticks.put("payara_micro_worker", ticksOrZero(workerPid));
    }
    long postgres = 0;
    long rabbitmq = 0;
    try (var processes = Files.list(Path.of("/proc"))) {
      for (Path process :
          processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
        String stat;
        try {
          stat = Files.readString(process.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        long used = ticks(stat);
        if (name.equals("postgres")) {
          postgres += used;
        } else if (name.startsWith("beam")
            || name.equals("epmd")
            || name.equals("erl_child_setup")) {
          rabbitmq += used;
        }
      }
    }
    ticks.put("postgresql", postgres);
    ticks.put("rabbitmq", rabbitmq);
    ticks.put("load_generator", ticksOrZero(ProcessHandle.current().pid()));
    return ticks;
  }

  private static long ticksOrZero(long pid) {
    try {
      return ticks(Files.readString(Path.of("/proc/" + pid + "/stat")));
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * CPU ticks of each of the process's threads so far, summed by name (digits folded, so pools
   * count as one).
   */
  private static Map<String, Long> threadTicks(long pid) throws IOException {
    Map<String, Long> byName = new java.util.HashMap<>();
    try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path thread : threads.toList()) {
        String stat;
        try {
          stat = Files.readString(thread.resolve("stat"));
        } catch (IOException gone) {
          continue; // the thread ended meanwhile
        }
        String name =
            stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
        byName.merge(name, ticks(stat), Long::sum);
      }
    }
    return byName;
  }

  /**
   * The threads that used CPU between two readings, as % of one core, busiest first (the ten
   * busiest).
   */
  private static Map<String, Double> threadShares(
      Map<String, Long> before, Map<String, Long> after, Duration window)
      throws IOException, InterruptedException {
    long ticksPerSecond =
        Long.parseLong(
            new String(
                    new ProcessBuilder("getconf", "CLK_TCK")
                        .start()
                        .getInputStream()
                        .readAllBytes())
                .trim());
    Map<String, Double> shares = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(
            entry ->
                Map.entry(
                    entry.getKey(),
                    Math.max(0, entry.getValue() - before.getOrDefault(entry.getKey(), 0L))))
        .filter(entry -> entry.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(10)
        .forEach(
            entry ->
                shares.put(
                    entry.getKey(),
                    100.0 * entry.getValue() / ticksPerSecond / window.toSeconds()));
    return shares;
  }

  private static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
  }

  /**
   * Deliveries the instances' consumers took so far (refinery_messages_total, direction consumed,
   * every outcome).
   */
  private static double deliveries(int instances) {
    double sum = 0;
    for (String base :
        instances == 2
            ? List.of(SERVER, "http://127.0.0.1:" + WORKER_PORT + "/")
            : List.of(SERVER)) {
      sum +=
          Http.get(base + "metrics?scope=application")
              .body()
              .lines()
              .filter(
                  line ->
                      line.startsWith("refinery_messages_total")
                          && line.contains("direction=\"consumed\""))
              .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
              .sum();
    }
    return sum;
  }

  /** The process's CPU time over the window, as a share of one core. */
  private static double cpuPercent(long pid, Duration window) throws Exception {
    long ticksPerSecond =
        Long.parseLong(
            new String(
                    new ProcessBuilder("getconf", "CLK_TCK")
                        .start()
                        .getInputStream()
                        .readAllBytes())
                .trim());
    long before = cpuTicks(pid);
    Thread.sleep(window.toMillis());
    long after = cpuTicks(pid);
    return 100.0 * (after - before) / ticksPerSecond / window.toSeconds();
  }

  private static long cpuTicks(long pid) throws Exception {
    return ticks(Files.readString(Path.of("/proc/" + pid + "/stat")));
  }

  private static double perSecond(int count, Instant from, Instant to) {
    return count / Math.max(Duration.between(from, to).toNanos() / 1e9, 1e-3);
  }

  private static void report(
      Ceilings ceilings,
      double load,
      List<Rate> open,
      Rate closed,
      Map<String, Double> perStep,
      Map<String, Double> perWorkflow,
      double[] steps,
      List<HopLatency.Hop> hops,
      double idleCpu,
      long stored,
      int instances,
      Map<Integer, double[]> queries,
      double[] heap,
      Map<String, Double> profile,
      Map<String, Double> idleProfile,
      Map<String, Double> idleThreads)
      throws Exception {
    double transitionsPerWorkflow =
        4; // TaskCreated, RequestValidationStarted, PrdSubmitted, PrdApproved
    double stepsPerSecond = closed.toApprovalPerSecond() * transitionsPerWorkflow;
    var json =
        Json.createObjectBuilder()
            .add("instances", instances)
            .add("think", THINK)
            .add("load_average_before", load)
            .add("cores", Runtime.getRuntime().availableProcessors())
            .add(
                "ceiling_fsyncs_per_s",
                ceilings.fsyncsPerSecond() == null ? -1 : ceilings.fsyncsPerSecond())
            .add("ceiling_claim_commits_per_s", ceilings.claimCommitsPerSecond())
            .add("ceiling_broker_msgs_per_s", ceilings.brokerMessagesPerSecond())
            .add("ceiling_steps_per_s", ceilings.stepsPerSecond())
            .add("ceiling_claim_commits_per_s_together", ceilings.claimCommitsTogetherPerSecond())
            .add("ceiling_broker_msgs_per_s_together", ceilings.brokerMessagesTogetherPerSecond())
            .add("ceiling_steps_per_s_together", ceilings.stepsTogetherPerSecond())
            .add("closed_loop_workflows_per_s_to_validation", closed.toValidationPerSecond())
            .add("closed_loop_workflows_per_s_to_approved", closed.toApprovalPerSecond())
            .add("closed_loop_steps_per_s", stepsPerSecond)
            .add("ratio_steps_to_ceiling", stepsPerSecond / ceilings.stepsPerSecond())
            .add("step_latency_p50_ms", steps[0])
            .add("step_latency_p99_ms", steps[1])
            .add("commits_per_step", perStep.get("commits"))
            .add("wal_syncs_per_step", perStep.get("walSyncs"))
            .add("messages_per_step", perStep.get("messages"))
            .add("idle_cpu_percent_of_core", idleCpu)
            .add("stored_tasks", stored)
            .add("heap_mb_per_10k_in_flight", heap[0])
            .add("in_flight_tasks", (long) heap[1])
            .add("heap_mb_after_gc_before", heap[2])
            .add("heap_mb_max", heap[3]);
    var perWorkflowJson = Json.createObjectBuilder();
    perWorkflow.forEach(perWorkflowJson::add);
    json.add("closed_loop_per_workflow", perWorkflowJson);
    var profileJson = Json.createObjectBuilder();
    profile.forEach(profileJson::add);
    json.add("server_cpu_share_by_component", profileJson);
    var idleProfileJson = Json.createObjectBuilder();
    idleProfile.forEach(idleProfileJson::add);
    json.add("idle_server_cpu_share_by_component", idleProfileJson);
    var idleThreadsJson = Json.createObjectBuilder();
    idleThreads.forEach(idleThreadsJson::add);
    json.add("idle_cpu_percent_of_core_by_thread", idleThreadsJson);
    var rates = Json.createArrayBuilder();
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "Refinery workflow benchmark: %d instance(s), agent think time %s,"
                + " load average before %.2f, %d cores%n%n",
            instances,
            THINK,
            load,
            Runtime.getRuntime().availableProcessors()));
    table.append(
        String.format(
            Locale.ROOT,
            "%-22s %8s %12s %12s %12s %12s%n",
            "offered (wf/s)",
            "tasks",
            "→PRD_VAL/s",
            "→APPROVED/s",
            "p50 ms",
            "p99 ms"));
    for (Rate rate : open) {
      rates.add(
          Json.createObjectBuilder()
              .add("offered", rate.offered())
              .add("tasks", rate.tasks())
              .add("to_validation_per_s", rate.toValidationPerSecond())
              .add("to_approved_per_s", rate.toApprovalPerSecond())
              .add("submit_to_validation_p50_ms", rate.submitToValidationP50Ms())
              .add("submit_to_validation_p99_ms", rate.submitToValidationP99Ms()));
      table.append(row(String.format(Locale.ROOT, "%.0f open loop", rate.offered()), rate));
    }
    table.append(row("closed loop (burst)", closed));
    json.add("open_loop", rates)
        .add("closed_loop_p50_ms", closed.submitToValidationP50Ms())
        .add("closed_loop_p99_ms", closed.submitToValidationP99Ms());
    table.append(
        String.format(
            Locale.ROOT,
            "%nceilings measured in this run: fdatasync %s/s, SKIP LOCKED claim commits %.0f/s"
                + " (pgbench, 4 clients), RabbitMQ %.0f msg/s (PerfTest, quorum, 1 KB persistent,"
                + " confirms)%n",
            ceilings.fsyncsPerSecond() == null
                ? "n/a"
                : String.format(Locale.ROOT, "%.0f", ceilings.fsyncsPerSecond()),
            ceilings.claimCommitsPerSecond(),
            ceilings.brokerMessagesPerSecond()));
    table.append(
        String.format(
            Locale.ROOT,
            "step ceiling (2 commits + 1 durable message): %.0f steps/s; closed loop"
                + " reached %.1f steps/s = %.3f of it%n",
            ceilings.stepsPerSecond(),
            stepsPerSecond,
            stepsPerSecond / ceilings.stepsPerSecond()));
    table.append(
        String.format(
            Locale.ROOT,
            "with PostgreSQL and RabbitMQ loaded at once: claim commits %.0f/s, RabbitMQ"
                + " %.0f msg/s, step ceiling %.0f steps/s; closed loop = %.3f of it%n",
            ceilings.claimCommitsTogetherPerSecond(),
            ceilings.brokerMessagesTogetherPerSecond(),
            ceilings.stepsTogetherPerSecond(),
            stepsPerSecond / ceilings.stepsTogetherPerSecond()));
    table.append(
        String.format(
            Locale.ROOT,
            "per workflow (closed loop): %.1f write transactions (%.2f transactions of any kind"
                + " rolled back), %.1f commits of any kind, %.1f publications, %.1f broker"
                + " deliveries%n",
            perWorkflow.get("write_transactions"),
            perWorkflow.get("rolled_back_transactions"),
            perWorkflow.get("commits"),
            perWorkflow.get("publications"),
            perWorkflow.get("deliveries")));
    table.append("CPU ms per workflow (closed loop):");
    perWorkflow.forEach(
        (key, value) -> {
          if (key.startsWith("cpu_ms_")) {
            table.append(
                String.format(Locale.ROOT, " %s %.1f", key.substring("cpu_ms_".length()), value));
          }
        });
    table.append(
        String.format(
            Locale.ROOT,
            " = %.1f in all%n",
            perWorkflow.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("cpu_ms_"))
                .mapToDouble(Map.Entry::getValue)
                .sum()));
    table
        .append(
            "Payara Server's CPU during the burst, by component (JFR execution samples, the"
                + " innermost frame of a known component):")
        .append(System.lineSeparator());
    profile.forEach(
        (component, share) ->
            table.append(String.format(Locale.ROOT, "  %-44s %5.1f %%%n", component, share * 100)));
    table.append(
        String.format(
            Locale.ROOT,
            "per step: %.1f commits, %.2f WAL syncs, %.1f messages; step latency"
                + " p50 %.0f ms, p99 %.0f ms%n",
            perStep.get("commits"),
            perStep.get("walSyncs"),
            perStep.get("messages"),
            steps[0],
            steps[1]));
    table.append(
        String.format(
            Locale.ROOT,
            "idle server CPU with %d stored tasks: %.2f %% of a core (%d s window, %d s"
                + " after the burst); by component (JFR, recorded after that window):%n",
            stored,
            idleCpu,
            IDLE_WINDOW.toSeconds(),
            IDLE_SETTLE.toSeconds()));
    idleProfile.forEach(
        (component, share) ->
            table.append(String.format(Locale.ROOT, "  %-44s %5.1f %%%n", component, share * 100)));
    table
        .append(
            "idle server CPU by thread (/proc, same window as the figure; % of a core, threads of"
                + " one name summed):")
        .append(System.lineSeparator());
    idleThreads.forEach(
        (thread, percent) ->
            table.append(String.format(Locale.ROOT, "  %-44s %5.2f %%%n", thread, percent)));
    table.append(
        String.format(
            Locale.ROOT,
            "heap after GC: %.0f MB idle, %.1f MB more per 10,000 tasks in flight"
                + " (measured with %d waiting in PRD_VALIDATION; -Xmx %.0f MB)%n",
            heap[2],
            heap[0],
            (long) heap[1],
            heap[3]));
    table
        .append(
            String.format(
                Locale.ROOT,
                "where submit → review goes at %s workflows/s, hop by hop (event log; medians,"
                    + " ms):%n",
                open.isEmpty()
                    ? "-"
                    : String.format(Locale.ROOT, "%.0f", open.getLast().offered())))
        .append(
            String.format(
                Locale.ROOT,
                "  %-44s %8s %14s %14s %10s%n",
                "message",
                "handled",
                "cause→publish",
                "publish→start",
                "handling"));
    var hopJson = Json.createArrayBuilder();
    for (HopLatency.Hop hop : hops) {
      table.append(
          String.format(
              Locale.ROOT,
              "  %-44s %8d %14s %14.1f %10.1f%n",
              hop.type(),
              hop.handled(),
              Double.isNaN(hop.causeToPublishMs())
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", hop.causeToPublishMs()),
              hop.publishToHandlerMs(),
              hop.handlerMs()));
      var entry =
          Json.createObjectBuilder()
              .add("type", hop.type())
              .add("handled", hop.handled())
              .add("publish_to_handler_ms", hop.publishToHandlerMs())
              .add("handler_ms", hop.handlerMs());
      if (!Double.isNaN(hop.causeToPublishMs())) {
        entry.add("cause_to_publish_ms", hop.causeToPublishMs());
      }
      hopJson.add(entry);
    }
    json.add("hops_at_last_open_loop_rate", hopJson);
    var queryJson = Json.createObjectBuilder();
    queries.forEach(
        (size, times) -> {
          queryJson.add(
              String.valueOf(size),
              Json.createObjectBuilder().add("scan_ms", times[0]).add("claim_ms", times[1]));
          table.append(
              String.format(
                  Locale.ROOT,
                  "with %,d stored workflows: scan query %.3f ms, claim query %.3f ms%n",
                  size,
                  times[0],
                  times[1]));
        });
    json.add("query_ms_by_stored_tasks", queryJson);
    String line = json.build().toString();
    Files.writeString(RESULTS.resolve("workflow.json"), line + "\n");
    Files.writeString(RESULTS.resolve("workflow.txt"), line + "\n\n" + table);
    System.getLogger(WorkflowBenchmark.class.getName())
        .log(System.Logger.Level.INFO, "\n" + line + "\n\n" + table);
  }

  private static String row(String label, Rate rate) {
    return String.format(
        Locale.ROOT,
        "%-22s %8d %12.1f %12.1f %12.0f %12.0f%n",
        label,
        rate.tasks(),
        rate.toValidationPerSecond(),
        rate.toApprovalPerSecond(),
        rate.submitToValidationP50Ms(),
        rate.submitToValidationP99Ms());
  }
}
