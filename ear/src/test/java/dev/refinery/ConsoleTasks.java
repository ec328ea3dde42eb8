package dev.refinery;

import dev.refinery.testing.Http;
import dev.refinery.testing.TaskClient;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/** Tasks as the console checks make and read them, over the API. */
final class ConsoleTasks {

  private final String server;

  ConsoleTasks(String server) {
    this.server = server;
  }

  /** A task of rita's whose first PRD waits for review. */
  String waitingForReview() {
    String id = submit("Reviewable " + System.nanoTime(), RefineryEarIT.COMPLETE, "MEDIUM", "rita");
    await(id, task -> task.getString("status").equals("PRD_VALIDATION"));
    return id;
  }

  String submit(String title, String description, String priority, String requester) {
    return new TaskClient(server, Duration.ofSeconds(60))
        .submit(title, description, priority, requester);
  }

  String idByTitle(String title) {
    return org.awaitility.Awaitility.await("a task titled " + title)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                Http.json(
                        Http.get(
                            server
                                + "api/tasks?q="
                                + URLEncoder.encode(title, StandardCharsets.UTF_8)))
                    .getJsonArray("items"),
            items -> !items.isEmpty())
        .getJsonObject(0)
        .getString("id");
  }

  String status(String id) {
    return details(id).getJsonObject("task").getString("status");
  }

  JsonObject details(String id) {
    return Http.json(Http.get(server + "api/tasks/" + id));
  }

  /**
   * Until the task (its {@code task} object in the API's details) is where the check expects it.
   */
  void await(String id, Predicate<JsonObject> condition) {
    new TaskClient(server, Duration.ofSeconds(60))
        .await(
            id,
            details -> condition.test(details.getJsonObject("task")),
            "where the page expects it");
  }
}
