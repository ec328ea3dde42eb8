package dev.refinery;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Server domain of the suite's own, standing in for one a team already runs: a DAS and a
 * deployment group of instances on one local node, made with plain asadmin (create-domain,
 * create-node-config, create-deployment-group, create-local-instance), in a folder emptied first.
 * Closing it stops every instance and the DAS with asadmin, then any Java process still running in
 * its folder (an instance that was starting when asked to stop).
 */
final class PrivateDomain implements AutoCloseable {

  static final String GROUP = "refinery-group";
  private static final Logger LOG = System.getLogger(PrivateDomain.class.getName());
  private static final String DOMAIN = "team";
  private static final String NODE = "team-node";

  private final Path asadmin;
  private final Path folder;
  private final int adminPort;
  private final List<String> instances = new ArrayList<>();
  private final List<Integer> portBases = new ArrayList<>();

  private PrivateDomain(Path asadmin, Path folder, int portBase) {
    this.asadmin = asadmin;
    this.folder = folder;
    this.adminPort = portBase + 48;
  }

  /**
   * Creates and starts the DAS on {@code portBase} and one running instance per entry of {@code
   * instancePortBases}, all in the deployment group {@link #GROUP}, with no application.
   */
  static PrivateDomain start(Path asadmin, Path folder, int portBase, int... instancePortBases)
      throws Exception {
    stopLeftovers(folder);
    deleteRecursively(folder);
    Files.createDirectories(folder);
    PrivateDomain domain = new PrivateDomain(asadmin, folder, portBase);
    Files.writeString(domain.passwordFile(), "AS_ADMIN_PASSWORD=team-admin-" + portBase + "\n");
    try {
      domain.local(
          "create-domain",
          "--domaindir",
          folder.resolve("domains").toString(),
          "--portbase",
          String.valueOf(portBase),
          "--nopassword=false",
          "--checkports=false",
          DOMAIN);
      domain.local("start-domain", "--domaindir", folder.resolve("domains").toString(), DOMAIN);
      domain.remote(
          "create-node-config",
          "--nodehost",
          "localhost",
          "--installdir",
          asadmin.getParent().getParent().toString(),
          "--nodedir",
          folder.resolve("nodes").toString(),
          NODE);
      domain.remote("create-deployment-group", GROUP);
      for (int i = 0; i < instancePortBases.length; i++) {
        String name = "team-" + (i + 1);
        domain.remote(
            "create-local-instance",
            "--node",
            NODE,
            "--nodedir",
            folder.resolve("nodes").toString(),
            "--portbase",
            String.valueOf(instancePortBases[i]),
            "--checkports=false",
            name);
        domain.instances.add(name);
        domain.portBases.add(instancePortBases[i]);
        domain.remote(
            "add-instance-to-deployment-group", "--instance", name, "--deploymentGroup", GROUP);
      }
      domain.remote("start-deployment-group", GROUP);
      return domain;
    } catch (Exception | AssertionError e) {
      domain.close();
      throw e;
    }
  }

  /** The asadmin password file the DAS's admin accepts. */
  Path passwordFile() {
    return folder.resolve("admin-password");
  }

  String adminAddress() {
    return "127.0.0.1:" + adminPort;
  }

  List<String> instances() {
    return List.copyOf(instances);
  }

  /** The HTTP base address of an instance, e.g. {@code http://127.0.0.1:31580/}. */
  String http(String instance) {
    return "http://127.0.0.1:" + (portBases.get(instances.indexOf(instance)) + 80) + "/";
  }

  /** The instance's process, while it runs. */
  Optional<ProcessHandle> process(String instance) {
    Path pid = folder.resolve("nodes/" + NODE + "/" + instance + "/config/pid");
    try {
      return ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
          .filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A password alias of the domain, as an operator stores a secret for the application. */
  void alias(String name, String value) throws Exception {
    Path file = folder.resolve("alias-password");
    Files.writeString(
        file, Files.readString(passwordFile()) + "AS_ADMIN_ALIASPASSWORD=" + value + "\n");
    try {
      run(
          List.of(
              asadmin.toString(),
              "--port",
              String.valueOf(adminPort),
              "--user",
              "admin",
              "--passwordfile",
              file.toString(),
              "--interactive=false",
              "create-password-alias",
              name));
    } finally {
      Files.delete(file);
    }
  }

  /** As an operator would, through the DAS; returns asadmin's output. */
  String remote(String... command) throws Exception {
    List<String> line =
        new ArrayList<>(List.of(asadmin.toString(), "--port", String.valueOf(adminPort)));
    line.addAll(List.of("--user", "admin", "--passwordfile", passwordFile().toString()));
    line.add("--interactive=false");
    line.addAll(List.of(command));
    return run(line);
  }

  private String local(String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(asadmin.toString(), "--user", "admin"));
    line.addAll(List.of("--passwordfile", passwordFile().toString(), "--interactive=false"));
    line.addAll(List.of(command));
    return run(line);
  }

  private String run(List<String> line) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().put("AS_JAVA", System.getProperty("java.home"));
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("asadmin " + line.get(line.size() - 1) + " hung");
    }
    String text = new String(output, StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("asadmin.log"),
        String.join(" ", line.subList(1, line.size())) + "\n" + text + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "asadmin "
              + String.join(" ", line.subList(line.indexOf("--interactive=false") + 1, line.size()))
              + " failed: "
              + text.strip());
    }
    return text;
  }

  @Override
  public void close() {
    for (String instance : instances) {
      try {
        remote("stop-instance", instance);
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Stopping instance {0}: {1}", instance, e.getMessage());
      }
    }
    try {
      local("stop-domain", "--domaindir", folder.resolve("domains").toString(), DOMAIN);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Stopping the DAS: {0}", e.getMessage());
    }
    stopLeftovers(folder); // one that was restarting when asked to stop
  }

  /**
   * Java processes whose command line names the folder: the DAS and the instances this domain (or
   * an earlier, interrupted run of the suite) started there, and nothing else.
   */
  private static void stopLeftovers(Path folder) {
    ProcessHandle.allProcesses()
        .filter(process -> process.info().commandLine().orElse("").contains(folder.toString()))
        .filter(process -> process.pid() != ProcessHandle.current().pid())
        .forEach(
            process -> {
              LOG.log(
                  Level.WARNING, "Stopping pid {0}, still running in {1}", process.pid(), folder);
              process.destroyForcibly();
            });
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
