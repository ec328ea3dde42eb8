package dev.refinery.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * The API and console as a script or browser sees them, signed in as the tests' first admin unless
 * a request says who it is. HTTP/1.1: with an h2c upgrade, Grizzly dropped a burst of 200 streams
 * on the one connection. No answer is awaited longer than {@link #ANSWER_TIMEOUT}.
 */
public final class Http {

  /** The longest any answer may take (a stopped process answers never). */
  public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  /** The first admin of the tests' database (see {@code it.admin.password} in the poms). */
  public static final String ADMIN_PASSWORD = System.getenv("REFINERY_SECURITY_ADMIN_PASSWORD");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private static final String AUTHORIZATION = basic("admin", ADMIN_PASSWORD);

  private Http() {}

  /** The {@code Authorization} header of HTTP Basic for a person. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  public static HttpResponse<String> get(String uri) {
    return get(URI.create(uri));
  }

  public static HttpResponse<String> postJson(URI uri, String body) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public static HttpResponse<String> postJson(String uri, String body) {
    return postJson(URI.create(uri), body);
  }

  /**
   * Posts without waiting, as the admin: for open-loop load. No timeout: the fault suite counts
   * what a fault makes wait as accepted or refused once it answers.
   */
  public static CompletableFuture<HttpResponse<String>> postJsonAsync(String uri, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(uri))
            .header("Content-Type", "application/json")
            .header("Authorization", AUTHORIZATION)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  public static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  public static JsonArray jsonArray(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  /** A string as a JSON literal, quoted and escaped. */
  public static String quoted(String text) {
    return Json.createValue(text).toString();
  }

  /** Sends as the admin, unless the request says who it is. */
  public static HttpResponse<String> send(HttpRequest request) {
    if (request.headers().firstValue("Authorization").isEmpty()) {
      request =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .header("Authorization", AUTHORIZATION)
              .build();
    }
    return sendAsIs(request);
  }

  /**
   * Sends as it is; an answer later than {@link #ANSWER_TIMEOUT} fails, never waits without end.
   */
  public static HttpResponse<String> sendAsIs(HttpRequest request) {
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
      throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
    }
  }
}
