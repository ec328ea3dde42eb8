package dev.refinery.serverconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightTest {

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream report = new PrintStream(output, true, StandardCharsets.UTF_8);

  @Test
  void stopsAtTheFirstProblemAndPrintsOneLine() {
    int closed = TestSettings.unusedPort();
    Settings settings = TestSettings.with("REFINERY_RABBITMQ_PORT", String.valueOf(closed));

    int status = new Preflight(settings, report).run(List.of("rabbitmq", "postgres"));

    assertThat(status).isEqualTo(1);
    assertThat(printed()).startsWith("refinery: RabbitMQ is not reachable").hasLineCount(1);
  }

  @Test
  void passingChecksPrintNothing() {
    int status = new Preflight(TestSettings.with(), report).run(List.of("rabbitmq"));

    assertThat(status).isZero();
    assertThat(printed()).isEmpty();
  }

  @Test
  void unknownCheckIsAUsageError() {
    int status = new Preflight(TestSettings.with(), report).run(List.of("redis"));

    assertThat(status).isEqualTo(2);
    assertThat(printed()).contains("unknown check 'redis'");
  }

  @Test
  void portThatIsNotANumberIsAUsageError() {
    Settings settings = TestSettings.with();
    assertThat(new Preflight(settings, report).run(List.of("port:http:HTTP:X"))).isEqualTo(2);
  }

  private String printed() {
    return output.toString(StandardCharsets.UTF_8);
  }
}
