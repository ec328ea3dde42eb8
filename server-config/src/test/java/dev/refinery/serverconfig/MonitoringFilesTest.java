package dev.refinery.serverconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus rules and the Grafana dashboard shipped under {@code monitoring/}: the rules pass
 * {@code promtool check rules} and their own unit tests ({@code promtool test rules}), and the
 * dashboard queries only Refinery's metrics. (That each of those metrics is on a running server's
 * {@code /metrics} is checked by {@code RefineryIT}.) Without promtool this fails, saying what to
 * install: no check is skipped for want of its tool.
 */
class MonitoringFilesTest {

  private static final Path MONITORING = Path.of("monitoring");

  @Test
  void rulesAreValidForPrometheus() throws Exception {
    Run check = promtool("check", "rules", "refinery-alerts.yml");

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 7 rules found");
  }

  @Test
  void everyRuleFiresOnWhatShouldTripItAndNotBefore() throws Exception {
    Run test = promtool("test", "rules", "refinery-alerts.test.yml");

    assertThat(test.exit()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS");
  }

  @Test
  void theDashboardQueriesRefinerysMetricsOnly() throws IOException {
    String dashboard =
        Files.readString(MONITORING.resolve("refinery-dashboard.json"), StandardCharsets.UTF_8);

    List<String> queries =
        Pattern.compile("\"expr\": \"([^\"]*)\"")
            .matcher(dashboard)
            .results()
            .map(match -> match.group(1))
            .toList();

    assertThat(queries).hasSizeGreaterThanOrEqualTo(15);
    assertThat(queries).allSatisfy(query -> assertThat(query).containsPattern("refinery_\\w+"));
  }

  private record Run(int exit, String output) {}

  private static Run promtool(String... arguments) throws Exception {
    Path promtool =
        Stream.of(System.getenv("PATH").split(":"))
            .map(folder -> Path.of(folder, "promtool"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "promtool is not on the PATH: install Debian's prometheus package"
                            + " (.ci/run does)"));
    List<String> command =
        Stream.concat(Stream.of(promtool.toString()), Stream.of(arguments)).toList();
    Process process =
        new ProcessBuilder(command)
            .directory(MONITORING.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    return new Run(process.exitValue(), output);
  }
}
