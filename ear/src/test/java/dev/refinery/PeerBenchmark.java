package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;

/**
 * {@code ./refinery bench peer}: the ADR rejected a workflow engine as "more complexity and
 * overhead"; this measures the claim. First {@link WorkflowBenchmark} runs Refinery; then the same
 * workflow (create → validate → agent step → human review → approved) runs on Flowable 7, embedded
 * in this JVM, its async executor on the same PostgreSQL (a database of its own, 16 executor
 * threads and 32 connections as Refinery's pools): validate and the agent step are async service
 * tasks (the agent thinks {@code BENCH_THINK}), the review a user task an approver thread completes
 * as soon as it exists. Same offered rates, seconds and burst. Prints both, and the ratios, and
 * keeps them under target/bench/peer.{json,txt}.
 */
class PeerBenchmark {

  private static final Path RESULTS = Path.of(System.getenv("BENCH_RESULTS"));
  private static final Duration THINK =
      Duration.parse(System.getenv().getOrDefault("BENCH_THINK", "PT0S"));
  private static final String DATABASE = "refinery_bench_peer";
  private static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                   xmlns:flowable="http://flowable.org/bpmn" targetNamespace="http://refinery.dev/peer">
        <process id="refinement" name="Product refinement" isExecutable="true">
          <startEvent id="create"/>
          <sequenceFlow id="f1" sourceRef="create" targetRef="validate"/>
          <serviceTask id="validate" flowable:async="true" flowable:class="dev.refinery.PeerBenchmark$Validate"/>
          <sequenceFlow id="f2" sourceRef="validate" targetRef="agent"/>
          <serviceTask id="agent" flowable:async="true" flowable:class="dev.refinery.PeerBenchmark$Agent"/>
          <sequenceFlow id="f3" sourceRef="agent" targetRef="review"/>
          <userTask id="review" flowable:candidateGroups="approvers"/>
          <sequenceFlow id="f4" sourceRef="review" targetRef="approved"/>
          <endEvent id="approved"/>
        </process>
      </definitions>
      """;

  /** Request validation: what Refinery's step checks, here a check of the request's fields. */
  public static class Validate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      String description = (String) execution.getVariable("description");
      execution.setVariable("valid", description != null && description.length() > 20);
    }
  }

  /** The agent step: thinks, then leaves a PRD-sized document. */
  public static class Agent implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      if (!THINK.isZero()) {
        try {
          Thread.sleep(THINK.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      execution.setVariable(
          "prd",
          "{\"title\":\""
              + execution.getVariable("title")
              + "\",\"body\":\""
              + "x".repeat(2_000)
              + "\"}");
    }
  }

  record Rate(
      double offered,
      int workflows,
      double toReviewPerSecond,
      double toApprovedPerSecond,
      double p50Ms,
      double p99Ms) {}

  @Test
  void measure() throws Exception {
    new WorkflowBenchmark().measure();
    JsonObject refinery =
        Json.createReader(new StringReader(Files.readString(RESULTS.resolve("workflow.json"))))
            .readObject();

    List<Double> rates =
        List.of(System.getenv().getOrDefault("BENCH_RATES", "5,10,20").split(",")).stream()
            .map(String::strip)
            .map(Double::parseDouble)
            .toList();
    int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "20"));
    int burst = Integer.parseInt(System.getenv().getOrDefault("BENCH_BURST", "200"));
    String host = env("REFINERY_DB_HOST");
    String port = env("REFINERY_DB_PORT");
    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/" + env("REFINERY_DB_NAME"),
                env("REFINERY_DB_USER"),
                env("REFINERY_DB_PASSWORD"));
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl("jdbc:postgresql://" + host + ":" + port + "/" + DATABASE)
                .setJdbcDriver("org.postgresql.Driver")
                .setJdbcUsername(env("REFINERY_DB_USER"))
                .setJdbcPassword(env("REFINERY_DB_PASSWORD"))
                .setJdbcMaxActiveConnections(32)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setAsyncExecutorActivate(true);
    // Its defaults are for a quiet server (8 threads; jobs the in-memory queue cannot take wait for
    // an acquisition every 10 s, one at a time): tuned as Refinery's own pools are, so a burst is
    // not measured against a configuration nobody would run under load. Flowable's default ids come
    // in blocks fetched in a transaction of their own, on a second connection: 200 workflows
    // started at once can hold all 32 connections while each waits for one more (a pool deadlock
    // that MyBatis breaks after 20 s by taking connections back, failing their holders). Random
    // UUIDs instead, as Flowable's own StrongUuidGenerator does for concurrent use (that one needs
    // a library Flowable leaves to the application): no second connection.
    configuration.setIdGenerator(() -> UUID.randomUUID().toString());
    configuration.setAsyncExecutorCorePoolSize(16);
    configuration.setAsyncExecutorMaxPoolSize(16);
    configuration.setAsyncExecutorThreadPoolQueueSize(10_000);
    configuration.setAsyncExecutorMaxAsyncJobsDuePerAcquisition(64);
    configuration.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(100);
    ProcessEngine engine = configuration.buildProcessEngine();
    List<Rate> open = new ArrayList<>();
    Rate closed;
    try (Approver approver = new Approver(engine)) {
      engine
          .getRepositoryService()
          .createDeployment()
          .addString("refinement.bpmn20.xml", PROCESS)
          .deploy();
      openLoop(engine, 5, 10); // warm-up, as Refinery's
      for (double rate : rates) {
        open.add(openLoop(engine, rate, seconds));
      }
      closed = closedLoop(engine, burst);
    } catch (Exception | AssertionError failed) {
      try {
        engine.close();
      } catch (RuntimeException alsoFailed) {
        failed.addSuppressed(alsoFailed); // the engine's shutdown must not hide why the run failed
      }
      throw failed;
    }
    engine.close();
    report(refinery, open, closed);
  }

  private Rate openLoop(ProcessEngine engine, double rate, int seconds) throws Exception {
    int workflows = (int) Math.round(rate * seconds);
    Map<String, Instant> started = new ConcurrentHashMap<>();
    ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<?>> calls = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.scheduleAtFixedRate(
        () -> {
          if (next.getAndIncrement() < workflows) {
            calls.add(callers.submit(() -> start(engine, started)));
          }
        },
        0,
        (long) (1e9 / rate),
        TimeUnit.NANOSECONDS);
    while (next.get() < workflows) {
      Thread.sleep(50);
    }
    timer.shutdown();
    for (Future<?> call : List.copyOf(calls)) {
      call.get(60, TimeUnit.SECONDS);
    }
    callers.shutdown();
    return measured(engine, rate, started);
  }

  private Rate closedLoop(ProcessEngine engine, int workflows) throws Exception {
    Map<String, Instant> started = new ConcurrentHashMap<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < workflows; i++) {
        calls.add(callers.submit(() -> start(engine, started)));
      }
      for (Future<?> call : calls) {
        call.get(120, TimeUnit.SECONDS);
      }
    }
    return measured(engine, 0, started);
  }

  private static void start(ProcessEngine engine, Map<String, Instant> started) {
    Instant at = Instant.now();
    String id =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "refinement",
                Map.of(
                    "title",
                    "Bench " + java.util.UUID.randomUUID(),
                    "description",
                    RefineryEarIT.COMPLETE,
                    "priority",
                    "MEDIUM",
                    "requester",
                    "bench"))
            .getId();
    started.put(id, at);
  }

  /**
   * Waits until every started workflow ended, then reads when each reached the review and when it
   * ended.
   */
  private Rate measured(ProcessEngine engine, double offered, Map<String, Instant> started)
      throws Exception {
    long deadline = System.currentTimeMillis() + 300_000;
    var history = engine.getHistoryService();
    while (history
            .createHistoricProcessInstanceQuery()
            .processInstanceIds(started.keySet())
            .finished()
            .count()
        < started.size()) {
      assertThat(System.currentTimeMillis())
          .as("all %d Flowable workflows ended within 5 minutes", started.size())
          .isLessThan(deadline);
      Thread.sleep(200);
    }
    Map<String, Instant> review = new java.util.HashMap<>();
    history
        .createHistoricTaskInstanceQuery()
        .processInstanceIdIn(List.copyOf(started.keySet()))
        .taskDefinitionKey("review")
        .list()
        .forEach(
            task ->
                review.merge(
                    task.getProcessInstanceId(),
                    task.getCreateTime().toInstant(),
                    (a, b) -> a.isBefore(b) ? a : b));
    Instant ended =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceIds(started.keySet())
            .list()
            .stream()
            .map(instance -> instance.getEndTime().toInstant())
            .max(Instant::compareTo)
            .orElseThrow();
    Instant first = Collections.min(started.values());
    List<Double> latencies =
        started.entrySet().stream()
            .map(
                entry ->
                    Duration.between(entry.getValue(), review.get(entry.getKey())).toNanos() / 1e6)
            .sorted()
            .toList();
    return new Rate(
        offered,
        started.size(),
        perSecond(started.size(), first, Collections.max(review.values())),
        perSecond(started.size(), first, ended),
        percentile(latencies, 0.5),
        percentile(latencies, 0.99));
  }

  /**
   * Completes every review task as soon as it exists, as Refinery's AutoApprover approves every
   * PRD.
   */
  private static final class Approver implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    Approver(ProcessEngine engine) {
      ExecutorService completions = Executors.newFixedThreadPool(4);
      Map<String, Boolean> taken = new ConcurrentHashMap<>();
      this.thread =
          Thread.ofPlatform()
              .name("peer-approver")
              .daemon()
              .start(
                  () -> {
                    while (running) {
                      for (Task task :
                          engine
                              .getTaskService()
                              .createTaskQuery()
                              .taskDefinitionKey("review")
                              .listPage(0, 200)) {
                        if (taken.putIfAbsent(task.getId(), true) == null) {
                          completions.submit(
                              () -> {
                                try {
                                  engine
                                      .getTaskService()
                                      .complete(task.getId(), Map.of("approvedBy", "admin"));
                                } catch (RuntimeException e) {
                                  taken.remove(task.getId());
                                }
                              });
                        }
                      }
                      try {
                        Thread.sleep(50);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                    completions.shutdown();
                  });
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join(5_000);
    }
  }

  private static void report(JsonObject refinery, List<Rate> open, Rate closed) throws Exception {
    StringBuilder table =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Refinery beside Flowable 7 (embedded, async executor on the same PostgreSQL), same"
                    + " machine and run, agent think time %s%n%n",
                THINK));
    table.append(
        String.format(
            Locale.ROOT,
            "%-20s %-9s %10s %12s %10s %10s%n",
            "offered (wf/s)",
            "engine",
            "→review/s",
            "→approved/s",
            "p50 ms",
            "p99 ms"));
    var rows = Json.createArrayBuilder();
    List<JsonObject> refineryOpen =
        refinery.getJsonArray("open_loop").getValuesAs(JsonObject.class);
    for (int i = 0; i < open.size(); i++) {
      Rate peer = open.get(i);
      JsonObject ours = i < refineryOpen.size() ? refineryOpen.get(i) : null;
      String label = String.format(Locale.ROOT, "%.0f open loop", peer.offered());
      if (ours != null) {
        table.append(
            line(
                label,
                "Refinery",
                ours.getJsonNumber("to_validation_per_s").doubleValue(),
                ours.getJsonNumber("to_approved_per_s").doubleValue(),
                ours.getJsonNumber("submit_to_validation_p50_ms").doubleValue(),
                ours.getJsonNumber("submit_to_validation_p99_ms").doubleValue()));
      }
      table.append(
          line(
              "",
              "Flowable",
              peer.toReviewPerSecond(),
              peer.toApprovedPerSecond(),
              peer.p50Ms(),
              peer.p99Ms()));
      rows.add(json(peer));
    }
    double oursClosed =
        refinery.getJsonNumber("closed_loop_workflows_per_s_to_approved").doubleValue();
    double oursP50 = refinery.getJsonNumber("closed_loop_p50_ms").doubleValue();
    table.append(
        line(
            "closed loop (burst)",
            "Refinery",
            refinery.getJsonNumber("closed_loop_workflows_per_s_to_validation").doubleValue(),
            oursClosed,
            oursP50,
            refinery.getJsonNumber("closed_loop_p99_ms").doubleValue()));
    table.append(
        line(
            "",
            "Flowable",
            closed.toReviewPerSecond(),
            closed.toApprovedPerSecond(),
            closed.p50Ms(),
            closed.p99Ms()));
    double throughputRatio = oursClosed / closed.toApprovedPerSecond();
    JsonObject lastOpen = refineryOpen.isEmpty() ? null : refineryOpen.getLast();
    double p50Ratio =
        lastOpen == null || open.isEmpty()
            ? Double.NaN
            : lastOpen.getJsonNumber("submit_to_validation_p50_ms").doubleValue()
                / open.getLast().p50Ms();
    double openThroughputRatio =
        lastOpen == null || open.isEmpty()
            ? Double.NaN
            : lastOpen.getJsonNumber("to_approved_per_s").doubleValue()
                / open.getLast().toApprovedPerSecond();
    table.append(
        String.format(
            Locale.ROOT,
            "%nRefinery / Flowable at the highest open-loop rate: throughput to approved %.2f×"
                + " (ahead when > 1), p50 submit → review %.2f× (ahead when < 1); closed-loop"
                + " throughput %.2f× (a burst started at once from virtual threads: Flowable's"
                + " figure there has been 2 workflows/s in every run, an effect of how the burst"
                + " drives it, see docs/benchmarks.md)%n",
            openThroughputRatio,
            p50Ratio,
            throughputRatio));
    String line =
        Json.createObjectBuilder()
            .add("think", THINK.toString())
            .add("flowable_open_loop", rows)
            .add("flowable_closed_loop", json(closed))
            .add("refinery", refinery)
            .add("ratio_closed_loop_throughput_refinery_to_flowable", throughputRatio)
            .add("ratio_p50_at_highest_rate_refinery_to_flowable", p50Ratio)
            .add("ratio_throughput_at_highest_rate_refinery_to_flowable", openThroughputRatio)
            .build()
            .toString();
    Files.writeString(RESULTS.resolve("peer.json"), line + "\n");
    Files.writeString(RESULTS.resolve("peer.txt"), table.toString());
    System.getLogger(PeerBenchmark.class.getName()).log(System.Logger.Level.INFO, "\n" + table);
  }

  private static jakarta.json.JsonObjectBuilder json(Rate rate) {
    return Json.createObjectBuilder()
        .add("offered", rate.offered())
        .add("workflows", rate.workflows())
        .add("to_review_per_s", rate.toReviewPerSecond())
        .add("to_approved_per_s", rate.toApprovedPerSecond())
        .add("submit_to_review_p50_ms", rate.p50Ms())
        .add("submit_to_review_p99_ms", rate.p99Ms());
  }

  private static String line(
      String label, String engine, double toReview, double toApproved, double p50, double p99) {
    return String.format(
        Locale.ROOT,
        "%-20s %-9s %10.1f %12.1f %10.0f %10.0f%n",
        label,
        engine,
        toReview,
        toApproved,
        p50,
        p99);
  }

  private static double perSecond(int count, Instant from, Instant to) {
    return count / Math.max(Duration.between(from, to).toNanos() / 1e9, 1e-3);
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.isEmpty()
        ? Double.NaN
        : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set (the benchmark profile sets it)");
    }
    return value;
  }
}
