package dev.refinery;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook endpoint on loopback, as a team receiving Refinery's notifications would run one: it
 * records every post, and answers 503 to the first post about a task it was told to refuse once.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One post as received, with the status it was answered. */
  record Post(Instant at, String timestamp, String signature, String body, int status) {
    JsonObject notification() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }

  private final HttpServer server;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final Set<String> refuseOnce = ConcurrentHashMap.newKeySet();

  private WebhookReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String task = Json.createReader(new StringReader(body)).readObject().getString("taskId");
          int status = refuseOnce.remove(task) ? 503 : 204;
          posts.add(
              new Post(
                  Instant.now(),
                  exchange.getRequestHeaders().getFirst("X-Refinery-Timestamp"),
                  exchange.getRequestHeaders().getFirst("X-Refinery-Signature"),
                  body,
                  status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  static WebhookReceiver start(int port) throws IOException {
    return new WebhookReceiver(port);
  }

  void refuseFirstPostAbout(String task) {
    refuseOnce.add(task);
  }

  List<Post> postsAbout(String task) {
    return posts.stream()
        .filter(post -> post.notification().getString("taskId").equals(task))
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
