package dev.refinery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A load balancer's one address in front of several instances: the browser sees a single origin (so
 * the console's CSP lets a page post wherever the balancer sends it), and the test says which
 * instance answers the next request. Requests pass through unchanged; a redirect's {@code Location}
 * names this address instead of the instance.
 */
final class OneAddress implements AutoCloseable {

  /** Headers of one connection, not of the request, and those the JDK's client sets itself. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "transfer-encoding",
          "content-length",
          "expect",
          "host",
          "upgrade",
          "te",
          "trailer",
          "proxy-connection");

  private final HttpServer listener;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private volatile String instance;
  private volatile String afterRedirect;

  /** Listens on a free loopback port and sends every request to {@code instance} (its base URL). */
  OneAddress(String instance) {
    this.instance = origin(instance);
    try {
      listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("no loopback port for the balancer", e);
    }
    listener.createContext("/", this::forward);
    listener.setExecutor(threads);
    listener.start();
  }

  /** The base URL people use: {@code http://127.0.0.1:<port>/}. */
  String base() {
    return "http://127.0.0.1:" + listener.getAddress().getPort() + "/";
  }

  /** Every following request goes to {@code other}. */
  OneAddress sendTo(String other) {
    afterRedirect = null;
    instance = origin(other);
    return this;
  }

  /**
   * The next request still goes where requests go now; once one of them answers with a redirect,
   * the page it redirects to, and every request after it, go to {@code other}.
   */
  OneAddress afterRedirectSendTo(String other) {
    afterRedirect = origin(other);
    return this;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = instance;
      HttpResponse<byte[]> answer;
      try {
        answer = client.send(request(exchange, target), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        exchange.sendResponseHeaders(502, -1); // the instance is down: what a balancer says
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                  values.forEach(
                      value ->
                          exchange
                              .getResponseHeaders()
                              .add(
                                  name,
                                  name.equalsIgnoreCase("location")
                                      ? value.replace(target, origin(base()))
                                      : value));
                }
              });
      if (answer.statusCode() / 100 == 3 && afterRedirect != null) {
        instance = afterRedirect;
        afterRedirect = null;
      }
      byte[] body = answer.body();
      boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private static HttpRequest request(HttpExchange exchange, String target) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
            .timeout(Duration.ofSeconds(60))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
              }
            });
    return request.build();
  }

  /** {@code http://host:port}, without the path, as a redirect's Location starts. */
  private static String origin(String base) {
    URI uri = URI.create(base);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  @Override
  public void close() {
    listener.stop(0);
    threads.shutdownNow();
    client.close();
  }
}
