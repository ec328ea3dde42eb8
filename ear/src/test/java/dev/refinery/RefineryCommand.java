package dev.refinery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the README's run command ({@code ./refinery}) the way a person would, in the test's own
 * runtime.
 */
final class RefineryCommand {

  record Result(int exitCode, String output) {
    List<String> lines() {
      return output.lines().toList();
    }
  }

  private final Map<String, String> environment = new HashMap<>();

  private RefineryCommand(Map<String, String> environment) {
    this.environment.putAll(environment);
  }

  RefineryCommand(Path runtime, int portBase) {
    environment.put("REFINERY_RUNTIME", runtime.toString());
    environment.put("REFINERY_PORT_BASE", String.valueOf(portBase));
    environment.put("REFINERY_EAR", System.getProperty("refinery.ear"));
    environment.put("REFINERY_WAR", System.getProperty("refinery.war"));
  }

  /** The same command with one more variable set; this one is left as it was. */
  RefineryCommand with(String variable, String value) {
    RefineryCommand copy = new RefineryCommand(environment);
    copy.environment.put(variable, value);
    return copy;
  }

  Result run(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("refinery.script"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("./refinery " + String.join(" ", arguments) + " hung");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
