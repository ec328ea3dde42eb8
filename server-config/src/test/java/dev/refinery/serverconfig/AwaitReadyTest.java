package dev.refinery.serverconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AwaitReadyTest {

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream report = new PrintStream(output, true, StandardCharsets.UTF_8);
  private final AtomicReference<String> body =
      new AtomicReference<>("{\"status\":\"UP\",\"checks\":[]}");
  private HttpServer server;
  private URI ready;

  @BeforeEach
  void serveReadiness() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health/ready",
        exchange -> {
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    ready = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void upWithoutTheApplicationsCheckIsNotReady() throws Exception {
    int status = new AwaitReady(report, pid -> true).await(ready, Duration.ofSeconds(1), -1);

    assertThat(status).isEqualTo(1);
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("was not ready within 1 s", "HTTP 200 {\"status\":\"UP\",\"checks\":[]}");
  }

  @Test
  void deploymentFailureInTheLogEndsTheWaitAtOnce(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path log = dir.resolve("server.log");
    java.nio.file.Files.writeString(
        log,
        "[2026-11-26T03:50:01] [SEVERE] Exception during lifecycle processing\n"
            + "org.glassfish.deployment.common.DeploymentException: CDI deployment failure\n");

    long start = System.nanoTime();
    int status =
        new AwaitReady(report, pid -> true)
            .await(
                ready,
                Duration.ofSeconds(30),
                42,
                java.util.Optional.of(new AwaitReady.ServerLog(log, 0)));

    assertThat(status).isEqualTo(4);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("the application failed to deploy");
  }

  @Test
  void aFailureLoggedBeforeTheStartIsAnotherRunsAndAFailureAfterItEndsTheWait(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    // given a log that holds an earlier run's failed deployment, then this start's first line
    java.nio.file.Path log = dir.resolve("server.log");
    String before = "[2026-12-07T18:40:38] [SEVERE] Exception during lifecycle processing\n";
    java.nio.file.Files.writeString(
        log, before + "[2026-12-07T18:58:06] [INFO] Running Payara Version\n");
    AwaitReady.ServerLog fromTheStart = new AwaitReady.ServerLog(log, before.length());

    // when it is read from where this start began: not a failure, the wait goes on to its timeout
    int status =
        new AwaitReady(report, pid -> true)
            .await(ready, Duration.ofSeconds(1), 42, java.util.Optional.of(fromTheStart));
    assertThat(status).isEqualTo(1);

    // then a failure this start logs ends the wait
    java.nio.file.Files.writeString(
        log,
        "[2026-12-07T18:58:18] [SEVERE] Exception while loading the app\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(
            new AwaitReady(report, pid -> true)
                .await(ready, Duration.ofSeconds(30), 42, java.util.Optional.of(fromTheStart)))
        .isEqualTo(4);
  }

  @Test
  void upWithTheDatabaseCheckIsReady() throws Exception {
    body.set("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}");

    assertThat(new AwaitReady(report, pid -> true).await(ready, Duration.ofSeconds(5), -1))
        .isZero();
  }

  @Test
  void deadProcessEndsTheWaitAtOnce() throws Exception {
    int status = new AwaitReady(report, pid -> false).await(ready, Duration.ofSeconds(30), 4242);

    assertThat(status).isEqualTo(3);
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("process 4242 exited before it was ready");
  }
}
