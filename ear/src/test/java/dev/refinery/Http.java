package dev.refinery;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The API and console as a script or browser sees them. */
final class Http {

  /**
   * HTTP/1.1: with an h2c upgrade, Grizzly dropped a burst of 200 streams on the one connection.
   */
  /** The longest any answer may take (a stopped process answers never). */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  /**
   * The first admin of the tests' database (see it.admin.password in the pom); every call signs in
   * as it.
   */
  static final String ADMIN_PASSWORD = System.getenv("REFINERY_SECURITY_ADMIN_PASSWORD");

  private static final String AUTHORIZATION = basic("admin", ADMIN_PASSWORD);

  private Http() {}

  static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static HttpResponse<String> get(String uri) {
    return send(HttpRequest.newBuilder(URI.create(uri)).GET().build());
  }

  static HttpResponse<String> postJson(String uri, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(uri))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  static JsonArray jsonArray(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  /** Posts without waiting, as the admin: for open-loop load. */
  static java.util.concurrent.CompletableFuture<HttpResponse<String>> postJsonAsync(
      String uri, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(uri))
            .header("Content-Type", "application/json")
            .header("Authorization", AUTHORIZATION)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Sends as the admin, unless the request says who it is. */
  private static HttpResponse<String> send(HttpRequest request) {
    if (request.headers().firstValue("Authorization").isEmpty()) {
      HttpRequest.Builder signed =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .header("Authorization", AUTHORIZATION);
      request = signed.build();
    }
    return sendAsIs(request);
  }

  /**
   * Sends; an answer that takes longer than {@link #ANSWER_TIMEOUT} is a failure, never a wait
   * without end.
   */
  static HttpResponse<String> sendAsIs(HttpRequest request) {
    if (request.timeout().isEmpty()) {
      request =
          HttpRequest.newBuilder(request, (name, value) -> true).timeout(ANSWER_TIMEOUT).build();
    }
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
