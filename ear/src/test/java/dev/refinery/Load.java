package dev.refinery;

import dev.refinery.testing.Http;
import jakarta.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop load for the fault suite: submits complete requests at a fixed rate through the API,
 * whether or not earlier ones are done, and keeps what the API answered: the tasks it accepted, and
 * how many it refused and why (a refusal told the requester; only an accepted task may never be
 * lost).
 */
final class Load {

  /** What came of the submissions. */
  record Outcome(Set<UUID> accepted, Map<String, Integer> refused) {
    int refusedCount() {
      return refused.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private Load() {}

  static CompletableFuture<Outcome> start(
      String server, String label, double rate, Duration duration) {
    return CompletableFuture.supplyAsync(
        () -> run(server, label, rate, duration), Executors.newVirtualThreadPerTaskExecutor());
  }

  private static Outcome run(String server, String label, double rate, Duration duration) {
    int tasks = (int) Math.round(rate * duration.toMillis() / 1000.0);
    Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    Map<String, Integer> refused = new ConcurrentHashMap<>();
    List<CompletableFuture<?>> posts = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.scheduleAtFixedRate(
        () -> {
          int n = next.getAndIncrement();
          if (n < tasks) {
            String body =
                Json.createObjectBuilder()
                    .add("title", label + " " + n)
                    .add("description", RefineryEarIT.COMPLETE)
                    .add("priority", n % 3 == 0 ? "HIGH" : "MEDIUM")
                    .add("requester", "load")
                    .build()
                    .toString();
            posts.add(
                Http.postJsonAsync(server + "api/requests", body)
                    .whenComplete(
                        (response, failure) -> {
                          if (failure != null) {
                            refused.merge("no answer: " + rootMessage(failure), 1, Integer::sum);
                          } else if (response.statusCode() == 202) {
                            accepted.add(UUID.fromString(Http.json(response).getString("taskId")));
                          } else {
                            refused.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                          }
                        }));
          }
        },
        0,
        (long) (1e9 / rate),
        TimeUnit.NANOSECONDS);
    try {
      while (next.get() < tasks) {
        Thread.sleep(50);
      }
      timer.shutdown();
      List<CompletableFuture<?>> all;
      synchronized (posts) {
        all = List.copyOf(posts);
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .exceptionally(failure -> null)
          .get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the load did not finish its submissions", e);
    } finally {
      timer.shutdownNow();
    }
    return new Outcome(Set.copyOf(accepted), Map.copyOf(refused));
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
