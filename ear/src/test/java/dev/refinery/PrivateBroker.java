package dev.refinery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ node of the fault suite's own: started from the machine's RabbitMQ installation on
 * ports of its own, with its own data folder and Erlang cookie, no plugins. The suite may restart
 * it or raise its memory alarm; the machine's shared broker is never touched. Stopped by its node
 * name, and if that fails, by the PIDs of the processes this class started.
 */
final class PrivateBroker implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PrivateBroker.class.getName());

  private final Path home;
  private final Path sbin;
  private final int port;
  private final String node;
  private Process process;

  /** Killed or paused by the suite: asking it anything would hang or fail. */
  private volatile boolean away;

  private PrivateBroker(Path home, Path sbin, int port, String name) {
    this.home = home;
    this.sbin = sbin;
    this.port = port;
    this.node = name + "@localhost";
  }

  /** Starts a fresh node (its data folder emptied first) listening for AMQP on {@code port}. */
  static PrivateBroker start(Path home, int port) throws Exception {
    return start(home, port, "refinery-faults-" + port, "REFINERYFAULTSUITE" + port, "");
  }

  /**
   * Starts a fresh node named {@code name} with the Erlang {@code cookie} (nodes that share one may
   * cluster) and more lines for its {@code rabbitmq.conf}.
   */
  static PrivateBroker start(Path home, int port, String name, String cookie, String moreConfig)
      throws Exception {
    PrivateBroker broker = new PrivateBroker(home, installation(), port, name);
    if (Files.exists(
        home.resolve(".erlang.cookie"))) { // a node an earlier run of the suite left behind
      broker.ctlRaw(Duration.ofSeconds(60), "stop");
    }
    if (Files.exists(home)) {
      try (var paths = Files.walk(home)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    Files.createDirectories(home);
    Files.writeString(home.resolve("enabled_plugins"), "[].\n");
    Path cookieFile =
        home.resolve(".erlang.cookie"); // the same every run, so a leftover node can be stopped
    Files.writeString(cookieFile, cookie);
    Files.setPosixFilePermissions(
        cookieFile, java.nio.file.attribute.PosixFilePermissions.fromString("r--------"));
    Files.writeString(
        home.resolve("rabbitmq.conf"),
        "listeners.tcp.default = " + port + "\nloopback_users = none\n" + moreConfig);
    try {
      broker.boot();
    } catch (Exception | Error e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  int port() {
    return port;
  }

  String node() {
    return node;
  }

  /** F9, F10: SIGKILL of the node's Erlang VM and everything the start script started. */
  void kill() throws Exception {
    if (process == null) {
      throw new IllegalStateException(node + " is not running");
    }
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    for (ProcessHandle each : all) {
      each.destroyForcibly();
    }
    away = true;
    for (ProcessHandle each : all) {
      each.onExit().get(30, TimeUnit.SECONDS);
    }
    process = null;
  }

  /** F11: {@code SIGSTOP} to the node's Erlang VM: it keeps its sockets and answers nothing. */
  void pause() throws Exception {
    ProcessHandle vm = vm();
    away = true;
    Faults.signal(vm, "STOP");
  }

  /** After {@link #pause}: {@code SIGCONT}. */
  void resume() throws Exception {
    Faults.signal(vm(), "CONT");
    away = false;
  }

  /** Whether the suite killed or paused it (and has not started or resumed it since). */
  boolean away() {
    return away;
  }

  /** After {@link #kill}: the node again, on the data it had. */
  void startAgain() throws Exception {
    boot();
    away = false;
  }

  /** F11: the node's Erlang VM, which {@code kill -STOP} and {@code -CONT} pause and resume. */
  ProcessHandle vm() {
    if (process == null) {
      throw new IllegalStateException(node + " is not running");
    }
    return process
        .descendants()
        .filter(each -> each.info().command().orElse("").endsWith("beam.smp"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no beam.smp under " + node + "'s start"));
  }

  /** {@code rabbitmqctl} (or, with the command's name first, another CLI tool) on this node. */
  String ctlOn(String tool, String... arguments) {
    Ctl ctl = ctlRun(tool, Duration.ofSeconds(60), arguments);
    if (ctl.exit() != 0) {
      throw new IllegalStateException(
          tool
              + " "
              + String.join(" ", arguments)
              + " on "
              + node
              + (ctl.exit() == TIMED_OUT ? " timed out" : " exited with " + ctl.exit())
              + ": "
              + ctl.output().strip());
    }
    return ctl.output();
  }

  /**
   * F1: a clean stop of the node, then a start on the same data (quorum queues and their messages
   * survive).
   */
  Duration restart() throws Exception {
    long started = System.nanoTime();
    stop();
    boot();
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** F8: the memory alarm on (publishers are blocked) or off. */
  void memoryAlarm(boolean on) {
    ctlChecked("set_vm_memory_high_watermark", on ? "0.000001" : "0.4");
  }

  boolean memoryAlarmOn() {
    return ctl("status").contains("Memory alarm on node");
  }

  /**
   * Messages in each queue of the default virtual host. A {@code rabbitmqctl} that fails, or lists
   * none of Refinery's queues, throws: "nothing seen" is not "nothing there".
   */
  Map<String, Long> queueDepths() {
    Map<String, Long> depths = new HashMap<>();
    String listing = ctlChecked("list_queues", "-q", "--no-table-headers", "name", "messages");
    for (String line : listing.lines().toList()) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length == 2 && fields[1].matches("\\d+")) {
        depths.put(fields[0], Long.parseLong(fields[1]));
      } else if (!line.isBlank()) {
        throw new IllegalStateException(
            "rabbitmqctl list_queues printed a line that is not a queue and its depth: " + line);
      }
    }
    if (depths.keySet().stream().noneMatch(queue -> queue.startsWith("refinery."))) {
      throw new IllegalStateException(
          "rabbitmqctl list_queues listed none of Refinery's queues: " + listing.strip());
    }
    return depths;
  }

  private void boot() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(sbin.resolve("rabbitmq-server").toString())
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.out").toFile()));
    builder.environment().putAll(environment());
    process = builder.start();
    LOG.log(
        System.Logger.Level.INFO,
        "Private RabbitMQ node {0} starting (pid {1}, AMQP port {2})",
        node,
        process.pid(),
        port);
    long deadline = System.currentTimeMillis() + 120_000;
    String status = "";
    while (process.isAlive()
        && System.currentTimeMillis() < deadline) { // await_startup fails until the node is there
      status = ctl("await_startup", "--timeout", "10");
      if (ctl("status").contains("Node name: " + node)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "the private RabbitMQ node did not start: "
            + status
            + "\n"
            + Files.readString(home.resolve("server.out")));
  }

  private void stop() throws Exception {
    if (process == null) {
      return;
    }
    ctlRaw(Duration.ofSeconds(60), "stop");
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    process = null;
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  private String ctl(String... arguments) {
    return ctlRaw(Duration.ofSeconds(60), arguments);
  }

  /** As {@link #ctl}, but a non-zero exit or a time-out throws with what it printed. */
  private String ctlChecked(String... arguments) {
    Ctl ctl = ctlRun(Duration.ofSeconds(60), arguments);
    if (ctl.exit() != 0) {
      throw new IllegalStateException(
          "rabbitmqctl "
              + String.join(" ", arguments)
              + (ctl.exit() == TIMED_OUT ? " timed out" : " exited with " + ctl.exit())
              + ": "
              + ctl.output().strip());
    }
    return ctl.output();
  }

  private static final int TIMED_OUT = -1;

  private record Ctl(int exit, String output) {}

  private String ctlRaw(Duration timeout, String... arguments) {
    return ctlRun(timeout, arguments).output();
  }

  private Ctl ctlRun(Duration timeout, String... arguments) {
    return ctlRun("rabbitmqctl", timeout, arguments);
  }

  private Ctl ctlRun(String tool, Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>(List.of(sbin.resolve(tool).toString(), "-n", node));
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment());
    try {
      Process ctl = builder.start();
      ctl.getOutputStream().close();
      byte[] output = ctl.getInputStream().readAllBytes();
      boolean ended = ctl.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
      if (!ended) {
        ctl.destroyForcibly();
      }
      return new Ctl(
          ended ? ctl.exitValue() : TIMED_OUT, new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("rabbitmqctl " + String.join(" ", arguments) + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> environment() {
    return Map.of(
        "HOME",
        home.toString(),
        "RABBITMQ_NODENAME",
        node,
        "RABBITMQ_NODE_PORT",
        String.valueOf(port),
        "RABBITMQ_DIST_PORT",
        String.valueOf(port + 1),
        "RABBITMQ_MNESIA_BASE",
        home.resolve("mnesia").toString(),
        "RABBITMQ_LOG_BASE",
        home.resolve("log").toString(),
        "RABBITMQ_CONFIG_FILE",
        home.resolve("rabbitmq.conf").toString(),
        "RABBITMQ_ENABLED_PLUGINS_FILE",
        home.resolve("enabled_plugins").toString(),
        "RABBITMQ_ENABLED_PLUGINS",
        "");
  }

  /**
   * The installation's own scripts (not /usr/sbin's wrappers, which switch to the rabbitmq user).
   */
  private static Path installation() throws IOException {
    String configured = System.getenv("REFINERY_FAULTS_RABBITMQ_SBIN");
    if (configured != null) {
      return Path.of(configured);
    }
    try (var versions = Files.list(Path.of("/usr/lib/rabbitmq/lib"))) {
      return versions
          .filter(path -> path.getFileName().toString().startsWith("rabbitmq_server-"))
          .map(path -> path.resolve("sbin"))
          .filter(path -> Files.isExecutable(path.resolve("rabbitmq-server")))
          .max(Path::compareTo)
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no RabbitMQ under /usr/lib/rabbitmq/lib; set REFINERY_FAULTS_RABBITMQ_SBIN"
                          + " to the sbin folder of a RabbitMQ installation"));
    }
  }
}
