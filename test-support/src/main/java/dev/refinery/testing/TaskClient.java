package dev.refinery.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Requests submitted over the API, and their tasks awaited until they get somewhere. */
public final class TaskClient {

  private final String base;
  private final Duration patience;

  /**
   * @param base the application's URL, ending in a slash
   * @param patience how long a task may take to get where it is awaited
   */
  public TaskClient(String base, Duration patience) {
    this.base = base;
    this.patience = patience;
  }

  /** Submits a request (202 expected); returns its task's id. */
  public String submit(String title, String description, String priority, String requester) {
    String body =
        Json.createObjectBuilder()
            .add("title", title)
            .add("description", description)
            .add("priority", priority)
            .add("requester", requester)
            .build()
            .toString();
    HttpResponse<String> response = Http.postJson(base + "api/requests", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return Http.json(response).getString("taskId");
  }

  /**
   * Polls {@code GET /api/tasks/{id}} until its details satisfy the condition; returns them. Fails
   * naming {@code what} was awaited and the details last seen.
   */
  public JsonObject await(String task, Predicate<JsonObject> condition, String what) {
    AtomicReference<JsonObject> last = new AtomicReference<>();
    try {
      return Awaitility.await(task + " " + what)
          .atMost(patience)
          .pollInterval(Duration.ofMillis(100))
          .pollDelay(Duration.ZERO)
          .until(() -> details(task, last), details -> details != null && condition.test(details));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "task "
              + task
              + " never got "
              + what
              + " within "
              + patience
              + "; last seen: "
              + last.get(),
          e);
    }
  }

  /** Awaits the task in {@code status}. */
  public JsonObject awaitStatus(String task, String status) {
    return await(
        task,
        details -> details.getJsonObject("task").getString("status").equals(status),
        "to " + status);
  }

  private JsonObject details(String task, AtomicReference<JsonObject> last) {
    HttpResponse<String> response = Http.get(base + "api/tasks/" + task);
    if (response.statusCode() != 200) {
      return null;
    }
    last.set(Http.json(response));
    return last.get();
  }
}
