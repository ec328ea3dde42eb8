package dev.refinery.serverconfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Waits until a server's readiness URL answers 200 with the application's own {@code database}
 * check in it: Payara prints "ready" even when a deployment failed, and its {@code /health/ready}
 * answers UP with no checks at all when the application is missing. Arguments: {@code <url>
 * <timeoutSeconds> [pid [log [from]]]}; with a pid it gives up as soon as that process is gone,
 * with a log as soon as the log shows the deployment failed (reading it from byte {@code from} on,
 * when given: what it held before the server started is another run's). Exit status: 0 ready, 1
 * timed out, 3 the process died, 4 the deployment failed.
 */
public final class AwaitReady {

  static final String APPLICATION_CHECK = "\"database\"";

  /**
   * What Payara logs when an application it boots with does not deploy (it keeps running without
   * it).
   */
  static final List<String> DEPLOYMENT_FAILED =
      List.of(
          "Exception during lifecycle processing",
          "Exception while loading the app",
          "Exception while preparing the app");

  private static final Duration POLL = Duration.ofMillis(500);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final PrintStream report;
  private final LongPredicate alive;

  AwaitReady(PrintStream report, LongPredicate alive) {
    this.report = report;
    this.alive = alive;
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 2) {
      System.exit(2);
    }
    long pid = args.length > 2 ? Long.parseLong(args[2]) : -1;
    Optional<ServerLog> log =
        args.length > 3
            ? Optional.of(
                new ServerLog(Path.of(args[3]), args.length > 4 ? Long.parseLong(args[4]) : 0))
            : Optional.empty();
    LongPredicate alive = p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false);
    int status =
        new AwaitReady(System.err, alive)
            .await(URI.create(args[0]), Duration.ofSeconds(Long.parseLong(args[1])), pid, log);
    System.exit(status);
  }

  int await(URI url, Duration timeout, long pid) throws InterruptedException {
    return await(url, timeout, pid, Optional.empty());
  }

  /** A server's log, from the byte where this start's lines begin. */
  record ServerLog(Path file, long from) {}

  int await(URI url, Duration timeout, long pid, Optional<ServerLog> log)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (pid > 0 && !alive.test(pid)) {
        report.println("refinery: the server process " + pid + " exited before it was ready");
        return 3;
      }
      if (log.isPresent() && deploymentFailed(log.get())) {
        report.println("refinery: the application failed to deploy (" + log.get().file() + ")");
        return 4;
      }
      Optional<HttpResponse<String>> response = fetch(url);
      if (response.isPresent()) {
        HttpResponse<String> answer = response.get();
        if (answer.statusCode() == 200 && answer.body().contains(APPLICATION_CHECK)) {
          return 0;
        }
        last = "HTTP " + answer.statusCode() + " " + oneLine(answer.body());
      }
      Thread.sleep(POLL);
    }
    report.println(
        "refinery: "
            + url
            + " was not ready within "
            + timeout.toSeconds()
            + " s (last: "
            + last
            + ")");
    return 1;
  }

  /**
   * Whether the log's lines from {@code from} on tell of a failed deployment; a log shorter than
   * that was rotated or started again, and is read whole.
   */
  private static boolean deploymentFailed(ServerLog log) {
    try (var channel = Files.newByteChannel(log.file())) {
      channel.position(channel.size() < log.from() ? 0 : log.from());
      var reader =
          new java.io.BufferedReader(
              java.nio.channels.Channels.newReader(channel, StandardCharsets.ISO_8859_1));
      return reader.lines().anyMatch(line -> DEPLOYMENT_FAILED.stream().anyMatch(line::contains));
    } catch (IOException | UncheckedIOException e) {
      return false; // not written yet
    }
  }

  private Optional<HttpResponse<String>> fetch(URI url) throws InterruptedException {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
      return Optional.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String oneLine(String body) {
    String compact = body.replaceAll("\\s+", " ").trim();
    return compact.length() > 200 ? compact.substring(0, 200) + "…" : compact;
  }
}
