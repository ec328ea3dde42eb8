package dev.refinery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw ceilings a workflow step is measured against, taken on this machine in the same run: what
 * the disk syncs ({@code pg_test_fsync}), what PostgreSQL commits of a {@code FOR UPDATE SKIP
 * LOCKED} claim ({@code pgbench}), what RabbitMQ moves durably (PerfTest: quorum queue, 1 KB
 * persistent, confirms, 4 consumers).
 */
record Ceilings(
    Double fsyncsPerSecond,
    double claimCommitsPerSecond,
    double brokerMessagesPerSecond,
    double claimCommitsTogetherPerSecond,
    double brokerMessagesTogetherPerSecond) {

  /** Two commits and one durable message per step, each resource on its own: the slower bounds. */
  double stepsPerSecond() {
    return Math.min(claimCommitsPerSecond / 2, brokerMessagesPerSecond);
  }

  /**
   * The same with PostgreSQL and RabbitMQ loaded at once, sharing the machine as Refinery makes
   * them.
   */
  double stepsTogetherPerSecond() {
    return Math.min(claimCommitsTogetherPerSecond / 2, brokerMessagesTogetherPerSecond);
  }

  static Ceilings measure(Connection database, Map<String, String> db, String vhost, Path work)
      throws Exception {
    Double fsyncs = fsync(work);
    double claims = claims(database, db, work, 10);
    double broker = perfTest(vhost, 15);
    java.util.concurrent.CompletableFuture<Double> brokerTogether =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return perfTest(vhost, 12);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(1_000); // PerfTest connects first, so pgbench's 10 s fall inside its run
    double claimsTogether = claims(database, db, work, 10);
    return new Ceilings(
        fsyncs, claims, broker, claimsTogether, brokerTogether.get(2, TimeUnit.MINUTES));
  }

  /** fdatasync of one 8 kB write per second, or null when pg_test_fsync is not installed. */
  private static Double fsync(Path work) throws Exception {
    Path binary;
    try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      binary =
          versions
              .map(version -> version.resolve("bin/pg_test_fsync"))
              .filter(Files::isExecutable)
              .max(Path::compareTo)
              .orElse(null);
    } catch (IOException e) {
      binary = null;
    }
    if (binary == null) {
      return null;
    }
    String output =
        run(
            List.of(binary.toString(), "-s", "2", "-f", work.resolve("fsync.test").toString()),
            Map.of());
    Matcher matcher = Pattern.compile("fdatasync\\s+([\\d.]+) ops/sec").matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("pg_test_fsync said nothing about fdatasync:\n" + output);
    }
    return Double.parseDouble(matcher.group(1));
  }

  /**
   * pgbench: 4 clients claiming the next ready row, highest priority then oldest, with SKIP LOCKED.
   */
  private static double claims(Connection database, Map<String, String> db, Path work, int seconds)
      throws Exception {
    try (Statement statement = database.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS bench_claim");
      statement.execute(
          "CREATE TABLE bench_claim (id bigserial PRIMARY KEY, priority int NOT NULL, created_at"
              + " timestamptz NOT NULL, status text NOT NULL, lease_until timestamptz)");
      statement.execute(
          "INSERT INTO bench_claim (priority, created_at, status) SELECT g % 4,"
              + " now() - g * interval '1 ms', 'READY' FROM generate_series(1, 200000) g");
      statement.execute(
          "CREATE INDEX bench_claim_ready ON bench_claim (priority, created_at) WHERE status ="
              + " 'READY'");
      statement.execute("ANALYZE bench_claim");
    }
    Path script = work.resolve("claim.sql");
    Files.writeString(
        script,
        """
        BEGIN;
        UPDATE bench_claim SET status = 'CLAIMED', lease_until = now() + interval '1 minute' WHERE id = (SELECT id
          FROM bench_claim WHERE status = 'READY' ORDER BY priority, created_at LIMIT 1 FOR UPDATE SKIP LOCKED);
        COMMIT;
        """
            .replace("\n  ", " "));
    String output =
        run(
            List.of(
                "pgbench",
                "-n",
                "-c",
                "4",
                "-j",
                "2",
                "-T",
                String.valueOf(seconds),
                "-f",
                script.toString(),
                "-h",
                db.get("host"),
                "-p",
                db.get("port"),
                "-U",
                db.get("user"),
                db.get("name")),
            Map.of("PGPASSWORD", db.get("password")));
    Matcher matcher = Pattern.compile("tps = ([\\d.]+)").matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("pgbench printed no tps:\n" + output);
    }
    try (Statement statement = database.createStatement()) {
      statement.execute("DROP TABLE bench_claim");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return Double.parseDouble(matcher.group(1));
  }

  private static double perfTest(String vhost, int seconds) throws Exception {
    String classpath = Files.readString(Path.of(System.getProperty("bench.classpath"))).trim();
    String output =
        run(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                classpath,
                "com.rabbitmq.perf.PerfTest",
                "-h",
                "amqp://guest:guest@127.0.0.1:5672/" + vhost,
                "-x",
                "1",
                "-y",
                "4",
                "-qq",
                "-u",
                "bench.perftest",
                "-s",
                "1000",
                "-f",
                "persistent",
                "-c",
                "100",
                "-q",
                "100",
                "-z",
                String.valueOf(seconds),
                "--id",
                "bench"),
            Map.of());
    Matcher rate = Pattern.compile("receiving rate avg: (\\d+) msg/s").matcher(output);
    if (!rate.find()) {
      throw new IllegalStateException("PerfTest printed no receiving rate:\n" + output);
    }
    return Double.parseDouble(rate.group(1));
  }

  static double loadAverage() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }

  private static String run(List<String> command, Map<String, String> environment)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }
}
