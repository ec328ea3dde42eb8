package dev.refinery;

import dev.refinery.testing.Http;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Approves every PRD that waits, through the API, as an approver would (the admin here): the
 * benchmark's and the fault suite's stand-in for the person at the console.
 */
final class AutoApprover implements AutoCloseable {

  private final String server;
  private final Set<String> approved = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean running = true;

  AutoApprover(String server) {
    this.server = server;
    this.thread = Thread.ofPlatform().name("auto-approver").daemon().start(this::approve);
  }

  private void approve() {
    while (running) {
      HttpResponse<String> waiting;
      try {
        waiting = Http.get(server + "api/tasks?status=PRD_VALIDATION&size=200");
      } catch (IllegalStateException e) { // a dropped connection: ask again
        waiting = null;
      }
      if (waiting != null && waiting.statusCode() == 200) {
        for (JsonObject task :
            Http.json(waiting).getJsonArray("items").getValuesAs(JsonObject.class)) {
          String id = task.getString("id");
          if (approved.add(id)) {
            // Human Interaction's view of the task may lag Task Management's by a moment (409): try
            // again.
            Http.postJsonAsync(server + "api/tasks/" + id + "/approval", "{\"by\":\"admin\"}")
                .whenComplete(
                    (response, failure) -> {
                      if (failure != null || response.statusCode() != 202) {
                        approved.remove(id);
                      }
                    });
          }
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
