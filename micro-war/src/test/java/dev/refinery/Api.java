package dev.refinery;

import dev.refinery.testing.Http;
import dev.refinery.testing.TaskClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** The REST API as a client uses it, with waiting for what happens asynchronously. */
final class Api {

  private final String base;
  private final TaskClient tasks;

  /**
   * @param base the application's URL, ending in a slash
   */
  Api(String base) {
    this.base = base;
    this.tasks = new TaskClient(base, Duration.ofSeconds(60));
  }

  URI uri(String path) {
    return URI.create(base + path);
  }

  HttpResponse<String> post(String path, String json) {
    return Http.postJson(uri("api/" + path), json);
  }

  HttpResponse<String> get(String path) {
    return Http.get(uri("api/" + path));
  }

  /** Submits a request; returns the task's id. */
  String submit(String title, String description, String priority, String requester) {
    return tasks.submit(title, description, priority, requester);
  }

  /** Waits until the task's details satisfy the condition; returns them. */
  JsonObject await(String task, Predicate<JsonObject> condition, String what) {
    return tasks.await(task, condition, what);
  }

  JsonObject awaitStatus(String task, String status) {
    return tasks.awaitStatus(task, status);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
