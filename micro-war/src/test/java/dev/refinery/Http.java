package dev.refinery;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for the black-box tests: the API and console as a browser or script sees
 * them.
 */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

  static HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  static HttpResponse<String> postJson(URI uri, String body) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static JsonObject json(HttpResponse<String> response) {
    JsonStructure structure = Json.createReader(new StringReader(response.body())).read();
    return structure.asJsonObject();
  }

  static jakarta.json.JsonArray jsonArray(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  static String quoted(String text) {
    return Json.createValue(text).toString();
  }

  /** Sends as the admin, unless the request says who it is. */
  static HttpResponse<String> send(HttpRequest request) {
    if (request.headers().firstValue("Authorization").isEmpty()) {
      HttpRequest.Builder signed =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .header("Authorization", AUTHORIZATION);
      request = signed.build();
    }
    return sendAsIs(request);
  }

  static HttpResponse<String> sendAsIs(HttpRequest request) {
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
