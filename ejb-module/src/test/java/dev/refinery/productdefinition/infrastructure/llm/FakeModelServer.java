package dev.refinery.productdefinition.infrastructure.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.infrastructure.agent.OfflineProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.prd.PrdSchema;
import dev.refinery.taskmanagement.api.Priority;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model server on loopback speaking the OpenAI chat-completions protocol ({@code POST
 * /v1/chat/completions}) and Ollama's ({@code POST /api/chat}). Its "model" is the offline agent,
 * so its answers are deterministic and schema-valid; a task's title asks for faults: {@code
 * [429xN]} rate-limits the first N calls, {@code [slowxN]} answers the first N calls only after
 * {@link #SLOW}, {@code [401]} refuses the key, {@code [garbage]} always answers broken JSON,
 * {@code [misfit-once]} answers outside the schema once, {@code [contradict-once]} first writes "2
 * seconds" wherever the request says "10 seconds", {@code [redundant-once]} first asks who it is
 * for (whatever the request says). A wrong bearer token is refused too.
 */
public final class FakeModelServer implements AutoCloseable {

  /** One request as received. */
  public record Call(
      Instant at, String path, String authorization, JsonObject body, String task, int status) {

    /**
     * Whether the server was asked for output in a JSON schema (OpenAI response_format or Ollama
     * format).
     */
    public boolean askedForSchema() {
      JsonValue format =
          body.containsKey("response_format")
              ? body.getJsonObject("response_format").get("json_schema")
              : body.get("format");
      return format instanceof JsonObject;
    }
  }

  public static final String MODEL = "fake-pm-1";
  public static final int TOKENS_IN = 1200;
  public static final int TOKENS_OUT = 800;

  /**
   * How long a slow answer takes: longer than the Fault Tolerance timeout the container tests
   * configure.
   */
  public static final java.time.Duration SLOW = java.time.Duration.ofSeconds(4);

  private static final String REDUNDANT =
      "{\"outcome\":\"CLARIFY\",\"questions\":[{\"id\":\"audience\",\"text\":\"Who is this"
          + " for?\",\"options\":[{\"id\":\"staff\",\"label\":\"Internal"
          + " staff\"},{\"id\":\"customers\",\"label\":\"Customers\"}],\"recommended\":\"staff\",\"why\":\"It"
          + " decides the personas.\"}]}";
  private static final Pattern RATE_LIMITED = Pattern.compile("\\[429x(\\d+)]");
  private static final Pattern SLOWED = Pattern.compile("\\[slowx(\\d+)]");
  private static final Jsonb JSONB = JsonbBuilder.create();

  private final HttpServer server;
  private final String apiKey;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> callsPerTask = new ConcurrentHashMap<>();
  private final OfflineProductManagerAgent brain = new OfflineProductManagerAgent();
  private final PrdSchema documents = new PrdSchema();
  private final java.util.concurrent.ExecutorService executor =
      java.util.concurrent.Executors.newCachedThreadPool();

  private FakeModelServer(int port, String apiKey) throws IOException {
    this.apiKey = apiKey;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/v1/chat/completions", exchange -> handle(exchange, false));
    server.createContext("/api/chat", exchange -> handle(exchange, true));
    server.setExecutor(executor);
    server.start();
  }

  /**
   * Starts on the port (0 for any free one); requests must carry {@code Bearer <apiKey>} on the
   * OpenAI path.
   */
  public static FakeModelServer start(int port, String apiKey) throws IOException {
    return new FakeModelServer(port, apiKey);
  }

  public String openAiBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public String ollamaBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The calls about one task, in order. */
  public List<Call> calls(String taskId) {
    return calls.stream().filter(call -> taskId.equals(call.task())).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange, boolean ollama) throws IOException {
    try (exchange) {
      JsonObject body =
          Json.createReader(
                  new StringReader(
                      new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))
              .readObject();
      JsonObject context = context(body);
      String task = context.getJsonObject("task").getString("id");
      String title = context.getJsonObject("task").getString("title");
      int call = callsPerTask.computeIfAbsent(task, id -> new AtomicInteger()).incrementAndGet();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      Matcher rateLimited = RATE_LIMITED.matcher(title);
      Matcher slowed = SLOWED.matcher(title);
      if (slowed.find() && call <= Integer.parseInt(slowed.group(1))) {
        pause(SLOW);
      }
      int status;
      String answer;
      if (!ollama && (title.contains("[401]") || !("Bearer " + apiKey).equals(authorization))) {
        status = 401;
        answer = error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
      } else if (rateLimited.find() && call <= Integer.parseInt(rateLimited.group(1))) {
        status = 429;
        answer =
            error(
                "Rate limit reached for requests. Please try again shortly.",
                "requests",
                "rate_limit_exceeded");
      } else {
        status = 200;
        String content =
            title.contains("[garbage]")
                ? "{\"outcome\": \"PRD\", \"prd\": {\"title\": "
                : title.contains("[misfit-once]") && call == 1
                    ? "{\"outcome\": \"MAYBE\"}"
                    : title.contains("[redundant-once]") && call == 1
                        ? REDUNDANT
                        : title.contains("[contradict-once]") && call == 1
                            ? reply(context).replace("10 seconds", "2 seconds")
                            : reply(context);
        answer = ollama ? ollama(content) : openAi(content);
      }
      calls.add(
          new Call(
              Instant.now(),
              exchange.getRequestURI().getPath(),
              authorization,
              body,
              task,
              status));
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static void pause(java.time.Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The task context the agent sent: the first user message (later ones are re-prompts). */
  private static JsonObject context(JsonObject body) {
    String text =
        body.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
            .filter(message -> message.getString("role").equals("user"))
            .findFirst()
            .orElseThrow()
            .getString("content");
    return Json.createReader(new StringReader(text)).readObject();
  }

  /** What the offline agent makes of the context, in the agent reply schema. */
  private String reply(JsonObject context) {
    JsonObject task = context.getJsonObject("task");
    JsonObject rounds = context.getJsonObject("clarificationRounds");
    AgentRequest request =
        new AgentRequest(
            task.getString("id"),
            task.getString("title"),
            task.getString("description"),
            task.getString("requester"),
            Priority.valueOf(task.getString("priority")),
            rounds.getInt("asked"),
            rounds.getInt("max"),
            context.getInt("prdRevisionToWrite"),
            context.getJsonArray("clarifications").getValuesAs(JsonObject.class).stream()
                .map(
                    c ->
                        new AgentRequest.Clarification(
                            c.getInt("round"),
                            c.getString("questionId"),
                            c.getString("question"),
                            c.getString("answer")))
                .toList(),
            context.getJsonArray("rejections").getValuesAs(JsonObject.class).stream()
                .map(r -> new AgentRequest.Rejection(r.getInt("revision"), r.getString("reason")))
                .toList(),
            context.containsKey("previousPrd")
                ? documents.prd(context.getJsonObject("previousPrd").toString())
                : null);
    AgentResult result = brain.work(request);
    return switch (result) {
      case AgentResult.Clarify clarify ->
          "{\"outcome\":\"CLARIFY\",\"questions\":" + JSONB.toJson(clarify.questions()) + "}";
      case AgentResult.WritePrd write ->
          "{\"outcome\":\"PRD\",\"prd\":" + documents.json(write.prd()) + "}";
    };
  }

  private static String openAi(String content) {
    return Json.createObjectBuilder()
        .add("id", "chatcmpl-" + System.nanoTime())
        .add("object", "chat.completion")
        .add("created", Instant.now().getEpochSecond())
        .add("model", MODEL)
        .add(
            "choices",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("index", 0)
                        .add(
                            "message",
                            Json.createObjectBuilder()
                                .add("role", "assistant")
                                .add("content", content))
                        .add("finish_reason", "stop")))
        .add(
            "usage",
            Json.createObjectBuilder()
                .add("prompt_tokens", TOKENS_IN)
                .add("completion_tokens", TOKENS_OUT)
                .add("total_tokens", TOKENS_IN + TOKENS_OUT))
        .build()
        .toString();
  }

  private static String ollama(String content) {
    return Json.createObjectBuilder()
        .add("model", MODEL)
        .add("created_at", Instant.now().toString())
        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))
        .add("done", true)
        .add("done_reason", "stop")
        .add("prompt_eval_count", TOKENS_IN)
        .add("eval_count", TOKENS_OUT)
        .build()
        .toString();
  }

  private static String error(String message, String type, String code) {
    return Json.createObjectBuilder()
        .add(
            "error",
            Json.createObjectBuilder()
                .add("message", message)
                .add("type", type)
                .add("param", JsonValue.NULL)
                .add("code", code))
        .build()
        .toString();
  }
}
