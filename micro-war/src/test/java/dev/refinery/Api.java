package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.function.Predicate;

/** The REST API as a client uses it, with waiting for what happens asynchronously. */
final class Api {

  private final String base;

  /**
   * @param base the application's URL, ending in a slash
   */
  Api(String base) {
    this.base = base;
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
    JsonObject body =
        Json.createObjectBuilder()
            .add("title", title)
            .add("description", description)
            .add("priority", priority)
            .add("requester", requester)
            .build();
    HttpResponse<String> response = post("requests", body.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return Http.json(response).getString("taskId");
  }

  /** Waits until the task's details satisfy the condition; returns them. */
  JsonObject await(String task, Predicate<JsonObject> condition, String what) {
    long deadline = System.currentTimeMillis() + 60_000;
    JsonObject last = null;
    while (System.currentTimeMillis() < deadline) {
      HttpResponse<String> response = get("tasks/" + task);
      if (response.statusCode() == 200) {
        last = Http.json(response);
        if (condition.test(last)) {
          return last;
        }
      }
      sleep(100);
    }
    throw new AssertionError("task " + task + " never got " + what + "; last seen: " + last);
  }

  JsonObject awaitStatus(String task, String status) {
    return await(
        task,
        details -> details.getJsonObject("task").getString("status").equals(status),
        "to " + status);
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
