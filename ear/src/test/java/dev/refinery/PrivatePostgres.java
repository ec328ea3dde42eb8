package dev.refinery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the fault suite's own (F12): its own {@code initdb} in a folder of its
 * own, on a port of its own, from the machine's PostgreSQL installation, never the machine's
 * server. As root it runs as the {@code postgres} user (PostgreSQL refuses root). Trust
 * authentication on 127.0.0.1 only.
 */
final class PrivatePostgres implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PrivatePostgres.class.getName());

  private final Path bin;
  private final Path data;
  private final int port;
  private boolean running;

  private PrivatePostgres(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  /** A fresh server (its folder emptied first) on {@code port}, with the database {@code name}. */
  static PrivatePostgres start(int port, String database) throws Exception {
    Path data = Path.of(System.getProperty("java.io.tmpdir"), "refinery-faults-pg-" + port);
    PrivatePostgres postgres = new PrivatePostgres(installation(), data, port);
    if (Files.exists(data.resolve("postmaster.pid"))) { // left behind by an earlier run
      postgres.pgCtl(Duration.ofSeconds(60), "stop", "-m", "immediate");
    }
    postgres.asOwner(Duration.ofSeconds(30), "rm", "-rf", data.toString());
    Files.createDirectories(data.getParent());
    postgres.asOwner(Duration.ofSeconds(30), "mkdir", "-p", data.toString());
    postgres.asOwner(
        Duration.ofMinutes(2),
        postgres.bin.resolve("initdb").toString(),
        "-D",
        data.toString(),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-sync");
    postgres.startServer();
    try (Connection admin = postgres.connect("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    return postgres;
  }

  int port() {
    return port;
  }

  Connection connect(String database) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", "postgres");
    login.setProperty("password", "postgres");
    login.setProperty("ApplicationName", StallWatch.APPLICATION_NAME);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, login);
  }

  /**
   * F12: a fast shutdown (open transactions rolled back, connections ended) and a start on the same
   * data; how long the server was away.
   */
  Duration restart() throws Exception {
    long started = System.nanoTime();
    pgCtl(Duration.ofMinutes(2), "restart", "-m", "fast", "-o", options());
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private void startServer() throws Exception {
    pgCtl(Duration.ofMinutes(2), "start", "-o", options());
    running = true;
    LOG.log(
        System.Logger.Level.INFO,
        "Private PostgreSQL on port {0} ({1})",
        String.valueOf(port),
        data);
  }

  private String options() {
    return "-p "
        + port
        + " -k "
        + data
        + " -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=128MB";
  }

  private void pgCtl(Duration timeout, String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                data.resolve("server.log").toString(),
                "-w",
                "-t",
                String.valueOf(timeout.toSeconds())));
    command.addAll(List.of(arguments));
    asOwner(timeout.plusSeconds(10), command.toArray(String[]::new));
  }

  /** Runs the command as the server's owner: {@code postgres} when this process is root. */
  private void asOwner(Duration timeout, String... command) throws Exception {
    List<String> full = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " timed out");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited with "
              + process.exitValue()
              + ": "
              + new String(output, StandardCharsets.UTF_8).strip());
    }
  }

  private static Path installation() throws IOException {
    try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(path -> Files.isExecutable(path.resolve("initdb")))
          .max(Path::compareTo)
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no initdb under /usr/lib/postgresql: F12 needs the PostgreSQL server"
                          + " package (Debian: postgresql)"));
    }
  }

  @Override
  public void close() throws Exception {
    if (running) {
      running = false;
      pgCtl(Duration.ofMinutes(1), "stop", "-m", "fast");
    }
  }
}
