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
            .await(ready, Duration.ofSeconds(30), 42, java.util.Optional.of(log));

    assertThat(status).isEqualTo(4);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("the application failed to deploy");
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
