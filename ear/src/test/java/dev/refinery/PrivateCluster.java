package dev.refinery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Three RabbitMQ nodes of the fault suite's own, clustered: started from the machine's installation
 * on ports of their own ({@code port}, {@code port + 10}, {@code port + 20}; each node's
 * distribution port one above its AMQP port), with their own data folders and one cookie. A node is
 * declared down after a 10 s net tick, and a node that finds itself in the minority pauses ({@code
 * pause_minority}) until it sees the others again. The machine's broker is never touched.
 */
final class PrivateCluster implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PrivateCluster.class.getName());

  /** A node is given up by the others after between 0.75 and 1.25 times this. */
  static final Duration NET_TICK = Duration.ofSeconds(10);

  private final List<PrivateBroker> nodes = new ArrayList<>();

  private PrivateCluster() {}

  static PrivateCluster start(Path home, int firstPort) throws Exception {
    PrivateCluster cluster = new PrivateCluster();
    String cookie = "REFINERYFAULTSCLUSTER" + firstPort;
    String config =
        "net_ticktime = "
            + NET_TICK.toSeconds()
            + "\ncluster_partition_handling = pause_minority\n";
    try {
      for (int i = 0; i < 3; i++) {
        int port = firstPort + 10 * i;
        cluster.nodes.add(
            PrivateBroker.start(
                home.resolve("node" + (i + 1)), port, "refinery-cluster-" + port, cookie, config));
      }
      PrivateBroker first = cluster.nodes.getFirst();
      for (PrivateBroker node : cluster.nodes.subList(1, 3)) {
        node.ctlOn("rabbitmqctl", "stop_app");
        node.ctlOn("rabbitmqctl", "join_cluster", first.node());
        node.ctlOn("rabbitmqctl", "start_app");
      }
      String status = first.ctlOn("rabbitmqctl", "cluster_status");
      for (PrivateBroker node : cluster.nodes) {
        if (!status.contains(node.node())) {
          throw new IllegalStateException(node.node() + " is not in the cluster: " + status);
        }
      }
      LOG.log(System.Logger.Level.INFO, "Private RabbitMQ cluster up: {0}", cluster.addresses());
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  List<PrivateBroker> nodes() {
    return List.copyOf(nodes);
  }

  /** {@code 127.0.0.1:port,...}: every node, as {@code REFINERY_RABBITMQ_ADDRESSES} takes them. */
  String addresses() {
    return nodes.stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
  }

  /** The AMQP port of a node the suite has not killed or paused. */
  int livePort() {
    return nodes.stream()
        .filter(node -> !node.away())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("every node is away"))
        .port();
  }

  PrivateBroker node(String name) {
    return nodes.stream()
        .filter(node -> node.node().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no node " + name + " in the cluster"));
  }

  /** One quorum queue's leader and members, as a node that is up sees them. */
  record Replicas(String leader, List<String> members, List<String> online) {}

  /**
   * Every queue's leader, members and online members, asked of the first node that answers; a
   * {@code rabbitmqctl} that fails on every node throws.
   */
  Map<String, Replicas> replicas(PrivateBroker... skip) {
    String listing =
        askAnyNode(
            List.of(skip),
            "list_queues",
            "-q",
            "--no-table-headers",
            "name",
            "leader",
            "members",
            "online");
    Map<String, Replicas> replicas = new HashMap<>();
    for (String line : listing.lines().filter(line -> !line.isBlank()).toList()) {
      // name <tab> leader <tab> [a@localhost,b@localhost] <tab> [a@localhost,...]; a queue whose
      // leader is on a node that is away prints {:badrpc, :nodedown} instead, until it has another
      if (line.strip().startsWith("{:badrpc")) {
        continue;
      }
      String[] fields = line.strip().split("\t");
      if (fields.length != 4) {
        throw new IllegalStateException("rabbitmqctl list_queues printed: " + line);
      }
      replicas.put(fields[0], new Replicas(fields[1], nodesIn(fields[2]), nodesIn(fields[3])));
    }
    return replicas;
  }

  private static List<String> nodesIn(String field) {
    String inner = field.strip().replaceAll("^\\[|\\]$", "");
    return inner.isBlank() ? List.of() : List.of(inner.replace("'", "").split(",\\s*"));
  }

  /**
   * Messages in each queue, as most of the nodes count them: the fault suite's depth check. Every
   * node that is not away is asked; a node whose count differs from the others' is named in a
   * warning and outvoted (a node paused with SIGSTOP while it led a queue kept reporting that
   * queue's depth from before its pause, F11 on 7 December 2026). Throws when no count has a
   * majority of the cluster's nodes behind it (nothing seen is not nothing there).
   */
  Map<String, Long> queueDepths() {
    Map<String, Map<String, Long>> views = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (PrivateBroker node : nodes) {
      if (node.away()) {
        continue;
      }
      try {
        views.put(
            node.node(),
            depthsIn(
                node.ctlOn(
                    "rabbitmqctl", "list_queues", "-q", "--no-table-headers", "name", "messages")));
      } catch (IllegalStateException e) {
        failures.add(node.node() + ": " + e.getMessage());
      }
    }
    Map<Map<String, Long>, List<String>> byView = new LinkedHashMap<>();
    views.forEach((node, view) -> byView.computeIfAbsent(view, v -> new ArrayList<>()).add(node));
    Map.Entry<Map<String, Long>, List<String>> most =
        byView.entrySet().stream()
            .max(Comparator.comparingInt(entry -> entry.getValue().size()))
            .orElseThrow(() -> new IllegalStateException("no node answered: " + failures));
    if (most.getValue().size() * 2 <= nodes.size()) {
      throw new IllegalStateException(
          "no majority of the nodes counts the queues alike: " + views + " " + failures);
    }
    if (byView.size() > 1) {
      LOG.log(
          System.Logger.Level.WARNING,
          "The nodes count the queues differently; the count of {0} outvotes the rest: {1}",
          most.getValue(),
          views);
    }
    return most.getKey();
  }

  private static Map<String, Long> depthsIn(String listing) {
    Map<String, Long> depths = new HashMap<>();
    for (String line : listing.lines().filter(line -> !line.isBlank()).toList()) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length != 2 || !fields[1].matches("\\d+")) {
        throw new IllegalStateException(
            "rabbitmqctl list_queues printed a line that is not a queue and its depth: " + line);
      }
      depths.put(fields[0], Long.parseLong(fields[1]));
    }
    if (depths.keySet().stream().noneMatch(queue -> queue.startsWith("refinery."))) {
      throw new IllegalStateException("rabbitmqctl list_queues listed none of Refinery's queues");
    }
    return depths;
  }

  private String askAnyNode(List<PrivateBroker> skip, String... arguments) {
    List<String> failures = new ArrayList<>();
    for (PrivateBroker node : nodes) {
      if (skip.contains(node) || node.away()) {
        continue;
      }
      try {
        return node.ctlOn("rabbitmqctl", arguments);
      } catch (IllegalStateException e) {
        failures.add(e.getMessage());
      }
    }
    throw new IllegalStateException("no node answered: " + failures);
  }

  /** The node that leads {@code queue} now, if any node can tell. */
  Optional<String> leaderOf(String queue, PrivateBroker... skip) {
    return Optional.ofNullable(replicas(skip).get(queue))
        .map(Replicas::leader)
        .filter(leader -> leader.contains("@"));
  }

  @Override
  public void close() {
    for (PrivateBroker node : nodes.reversed()) {
      try {
        node.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "Could not stop {0}: {1}", node.node(), e.toString());
      }
    }
  }
}
