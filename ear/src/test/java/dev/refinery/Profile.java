package dev.refinery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a JVM's CPU went, by component, from a JDK Flight Recorder file: each execution sample is
 * counted for the innermost frame that belongs to a known component (the JDK's own frames count for
 * whoever called them), as a share of all samples.
 */
final class Profile {

  /** Package prefixes, most specific first, and the component they are. */
  private static final List<Map.Entry<Pattern, String>> COMPONENTS =
      List.of(
          Map.entry(Pattern.compile("dev\\.refinery\\.rabbitmq\\."), "Refinery resource adapter"),
          Map.entry(
              Pattern.compile("dev\\.refinery\\.shared\\.monitoring\\."),
              "Refinery monitoring (event log, metrics)"),
          Map.entry(
              Pattern.compile("dev\\.refinery\\.shared\\.infrastructure\\.messaging\\."),
              "Refinery messaging (outbox, relay, inbox)"),
          Map.entry(
              Pattern.compile("dev\\.refinery\\.shared\\."),
              "Refinery shared (security, REST, scheduling)"),
          Map.entry(
              Pattern.compile("dev\\.refinery\\.(restapi|console)\\."),
              "Refinery REST API and console"),
          Map.entry(Pattern.compile("dev\\.refinery\\.(\\w+)\\."), "Refinery contexts' code"),
          Map.entry(Pattern.compile("org\\.postgresql\\."), "PostgreSQL JDBC driver"),
          Map.entry(Pattern.compile("org\\.hibernate\\.|net\\.bytebuddy\\."), "Hibernate ORM"),
          Map.entry(Pattern.compile("com\\.rabbitmq\\.jms\\."), "RabbitMQ JMS client"),
          Map.entry(
              Pattern.compile("com\\.rabbitmq\\.client\\.|io\\.netty\\."), "RabbitMQ AMQP client"),
          Map.entry(
              Pattern.compile("org\\.glassfish\\.jersey\\.|jakarta\\.ws\\."), "JAX-RS (Jersey)"),
          Map.entry(
              Pattern.compile(
                  "org\\.glassfish\\.grizzly\\.|org\\.apache\\.catalina\\.|org\\.apache\\.coyote\\."),
              "HTTP (Grizzly, web container)"),
          Map.entry(
              Pattern.compile(
                  "org\\.eclipse\\.yasson\\.|org\\.eclipse\\.parsson\\.|jakarta\\.json\\."),
              "JSON (Yasson, Parsson)"),
          Map.entry(Pattern.compile("org\\.jboss\\.weld\\."), "CDI (Weld)"),
          Map.entry(
              Pattern.compile("com\\.sun\\.ejb\\.|org\\.glassfish\\.ejb\\."), "EJB container"),
          Map.entry(
              Pattern.compile("com\\.sun\\.enterprise\\.transaction\\.|com\\.sun\\.jts\\."),
              "JTA transactions"),
          Map.entry(
              Pattern.compile(
                  "com\\.sun\\.enterprise\\.resource\\.|com\\.sun\\.gjc\\.|com\\.sun\\.enterprise\\.connectors\\."),
              "Connection pools (JDBC, JCA)"),
          Map.entry(
              Pattern.compile(
                  "fish\\.payara\\.|org\\.glassfish\\.|com\\.sun\\.enterprise\\.|com\\.hazelcast\\.|io\\.smallrye\\."),
              "Payara (other)"),
          Map.entry(
              Pattern.compile("org\\.eclipse\\.microprofile\\.|io\\.micrometer\\."),
              "MicroProfile"));

  private Profile() {}

  static Map<String, Double> byComponent(Path recording) throws IOException, InterruptedException {
    Process print =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jfr").toString(),
                "print",
                "--events",
                "jdk.ExecutionSample",
                "--stack-depth",
                "64",
                recording.toString())
            .redirectErrorStream(true)
            .start();
    Map<String, Integer> counts = new TreeMap<>();
    int samples = 0;
    String component = null;
    boolean inStack = false;
    try (var lines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(print.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String frame = line.strip();
        if (frame.startsWith("stackTrace = [")) {
          inStack = true;
          component = null;
        } else if (inStack && frame.startsWith("]")) {
          inStack = false;
          samples++;
          counts.merge(
              component == null ? "JDK only (JIT, GC, idle threads' bookkeeping)" : component,
              1,
              Integer::sum);
        } else if (inStack && component == null) {
          component = componentOf(frame);
        }
      }
    }
    if (print.waitFor() != 0 || samples == 0) {
      throw new IllegalStateException("jfr print found no execution samples in " + recording);
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    int total = samples;
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(entry -> shares.put(entry.getKey(), entry.getValue() / (double) total));
    return shares;
  }

  private static String componentOf(String frame) {
    for (Map.Entry<Pattern, String> component : COMPONENTS) {
      if (component.getKey().matcher(frame).lookingAt()) {
        return component.getValue();
      }
    }
    return null;
  }
}
