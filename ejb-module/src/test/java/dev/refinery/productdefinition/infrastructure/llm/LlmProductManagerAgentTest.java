package dev.refinery.productdefinition.infrastructure.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.refinery.productdefinition.domain.AgentException;
import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.infrastructure.prd.PrdSchema;
import dev.refinery.taskmanagement.api.Priority;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM agent against a model server on loopback that speaks the OpenAI and Ollama protocols. */
class LlmProductManagerAgentTest {

  private static final String KEY = "sk-test-0123456789";
  private static final String VAGUE = "";
  private static final String COMPLETE =
      "Finance users export invoices manually every month, which takes hours. So that they save a"
          + " day a month, the system must export a month of invoices as CSV; done when finance can"
          + " download it.";

  /** States who, the problem, the outcome and a measure, with values a reply must keep. */
  private static final String TIMED =
      "Finance users export invoices manually every month, which takes hours. So that they save a"
          + " day a month, the system must export a month of invoices as CSV within 10 seconds for"
          + " 50,000 invoices.";

  private final PrdSchema documents = new PrdSchema();
  private FakeModelServer server;

  @BeforeEach
  void start() throws IOException {
    server = FakeModelServer.start(0, KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void vagueRequestGetsQuestionsAndTheRunIsAccountedFor() throws AgentException {
    AgentRequest request = request("Make reporting better", VAGUE);

    AgentResult result = agent(openAi(true)).work(request);

    assertThat(result).isInstanceOf(AgentResult.Clarify.class);
    assertThat(((AgentResult.Clarify) result).questions())
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(3)
        .allSatisfy(question -> assertThat(question.options()).hasSizeBetween(2, 5));
    assertThat(result.run())
        .isEqualTo(
            new AgentRun(
                "openai",
                FakeModelServer.MODEL,
                "product-manager-v2",
                FakeModelServer.TOKENS_IN,
                FakeModelServer.TOKENS_OUT,
                result.run().latencyMillis(),
                0.011));
    FakeModelServer.Call call = server.calls(request.taskId()).getFirst();
    assertThat(call.path()).isEqualTo("/v1/chat/completions");
    assertThat(call.authorization()).isEqualTo("Bearer " + KEY);
    assertThat(call.askedForSchema()).isTrue();
    assertThat(call.body().getJsonArray("messages").getJsonObject(0).getString("content"))
        .contains("At most 3 questions", "mustWritePrd");
  }

  @Test
  void completeRequestGetsASchemaValidPrd() throws AgentException {
    AgentResult result = agent(openAi(true)).work(request("Invoice export", COMPLETE));

    assertThat(result).isInstanceOf(AgentResult.WritePrd.class);
    assertThat(documents.problems(documents.json(((AgentResult.WritePrd) result).prd()))).isEmpty();
  }

  @Test
  void replyOutsideTheSchemaIsRepromptedOnceQuotingTheProblems() throws AgentException {
    AgentRequest request = request("[misfit-once] Invoice export", COMPLETE);

    AgentResult result = agent(openAi(true)).work(request);

    assertThat(result).isInstanceOf(AgentResult.WritePrd.class);
    List<FakeModelServer.Call> calls = server.calls(request.taskId());
    assertThat(calls).hasSize(2);
    List<JsonObject> messages =
        calls.get(1).body().getJsonArray("messages").getValuesAs(JsonObject.class);
    assertThat(messages)
        .extracting(message -> message.getString("role"))
        .containsExactly("system", "user", "assistant", "user");
    assertThat(messages.getLast().getString("content")).contains("could not be used", "/outcome");
    assertThat(result.run().tokensIn()).isEqualTo(2 * FakeModelServer.TOKENS_IN);
  }

  @Test
  void aContradictedValueIsRepromptedAndTheStatedValueKept() throws AgentException {
    AgentRequest request = request("[contradict-once] Invoice export", TIMED);

    AgentResult result = agent(openAi(true)).work(request);

    String prd = documents.json(((AgentResult.WritePrd) result).prd());
    assertThat(prd).contains("within 10 seconds for 50,000 invoices").doesNotContain("2 seconds");
    List<FakeModelServer.Call> calls = server.calls(request.taskId());
    assertThat(calls).hasSize(2);
    assertThat(lastMessage(calls.get(1)))
        .contains(
            "could not be used",
            "the PRD says \"2 seconds\" where the request says \"10 seconds\": keep the stated"
                + " value");
  }

  @Test
  void aQuestionAboutWhatTheRequestStatesIsRepromptedAndNotAsked() throws AgentException {
    AgentRequest request = request("[redundant-once] Invoice export", TIMED);

    AgentResult result = agent(openAi(true)).work(request);

    assertThat(result).isInstanceOf(AgentResult.WritePrd.class);
    List<FakeModelServer.Call> calls = server.calls(request.taskId());
    assertThat(calls).hasSize(2);
    assertThat(lastMessage(calls.get(1)))
        .contains(
            "the question \"Who is this for?\" asks about the who, which the request"
                + " already states: do not ask it");
  }

  @Test
  void aReplyThatKeepsTheDisciplineIsTakenWithoutARePrompt() throws AgentException {
    AgentRequest request = request("Invoice export", TIMED);

    assertThat(agent(openAi(true)).work(request)).isInstanceOf(AgentResult.WritePrd.class);

    assertThat(server.calls(request.taskId())).hasSize(1);
  }

  private static String lastMessage(FakeModelServer.Call call) {
    return call.body()
        .getJsonArray("messages")
        .getValuesAs(JsonObject.class)
        .getLast()
        .getString("content");
  }

  @Test
  void brokenJsonTwiceFailsForGoodAfterOneReprompt() {
    AgentRequest request = request("[garbage] Invoice export", COMPLETE);

    AgentException failure =
        catchThrowableOfType(AgentException.class, () -> agent(openAi(true)).work(request));

    assertThat(failure.retryable()).isFalse();
    assertThat(failure.getMessage())
        .startsWith("the model's reply did not match the schema after one re-prompt")
        .contains("not a JSON object");
    assertThat(server.calls(request.taskId())).hasSize(2);
    assertThat(failure.run())
        .get()
        .satisfies(run -> assertThat(run.tokensOut()).isEqualTo(2 * FakeModelServer.TOKENS_OUT));
  }

  @Test
  void aRotatedKeyIsUsedFromTheNextCallOn() throws AgentException {
    java.util.concurrent.atomic.AtomicReference<String> key =
        new java.util.concurrent.atomic.AtomicReference<>("sk-revoked");
    LlmProductManagerAgent agent =
        agent(
            new LlmSettings(
                "openai",
                server.openAiBaseUrl(),
                "gpt-test",
                () -> Optional.of(key.get()),
                Duration.ofSeconds(10),
                0.2,
                4096,
                true,
                "product-manager-v2",
                BigDecimal.ZERO,
                BigDecimal.ZERO));
    AgentRequest request = request("Invoice export", COMPLETE);
    assertThatThrownBy(() -> agent.work(request)).hasMessageContaining("HTTP 401");

    key.set(KEY);

    assertThat(agent.work(request)).isInstanceOf(AgentResult.WritePrd.class);
  }

  @Test
  void rateLimitIsWorthAnotherAttempt() {
    AgentException failure =
        catchThrowableOfType(
            AgentException.class,
            () -> agent(openAi(true)).work(request("[429x1] Invoice export", COMPLETE)));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).contains("HTTP 429", "rate limiting");
  }

  @Test
  void refusedKeyIsNotWorthAnotherAttemptAndTheReasonSaysWhatToFix() {
    AgentException failure =
        catchThrowableOfType(
            AgentException.class,
            () -> agent(openAi(true)).work(request("[401] Invoice export", COMPLETE)));

    assertThat(failure.retryable()).isFalse();
    assertThat(failure.getMessage())
        .contains("HTTP 401", "refused the API key", "refinery.agent.llm.api-key")
        .doesNotContain(KEY);
  }

  @Test
  void unreachableServerIsWorthAnotherAttempt() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    LlmSettings settings = settings("openai", "http://127.0.0.1:" + closed + "/v1", true);

    AgentException failure =
        catchThrowableOfType(
            AgentException.class, () -> agent(settings).work(request("Invoice export", COMPLETE)));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).startsWith("cannot reach the openai server");
  }

  @Test
  void ollamaServerWritesThePrdToo() throws AgentException {
    AgentRequest request = request("Invoice export", COMPLETE);

    AgentResult result = agent(settings("ollama", server.ollamaBaseUrl(), true)).work(request);

    assertThat(result).isInstanceOf(AgentResult.WritePrd.class);
    assertThat(result.run().agent()).isEqualTo("ollama");
    assertThat(result.run().tokensIn()).isEqualTo(FakeModelServer.TOKENS_IN);
    FakeModelServer.Call call = server.calls(request.taskId()).getFirst();
    assertThat(call.path()).isEqualTo("/api/chat");
    assertThat(call.askedForSchema()).isTrue();
  }

  @Test
  void withoutJsonSchemaSupportTheSchemaGoesIntoThePromptAndJsonModeIsAsked()
      throws AgentException {
    AgentRequest request = request("Invoice export", COMPLETE);

    agent(openAi(false)).work(request);

    JsonObject body = server.calls(request.taskId()).getFirst().body();
    assertThat(body.getJsonObject("response_format").getString("type")).isEqualTo("json_object");
    assertThat(body.getJsonArray("messages").getJsonObject(0).getString("content"))
        .contains("The JSON schema of your reply", "\"userStories\"");
  }

  @Test
  void unknownPromptVersionIsRefusedAtStart() {
    LlmSettings settings =
        new LlmSettings(
            "openai",
            server.openAiBaseUrl(),
            "m",
            () -> Optional.of(KEY),
            Duration.ofSeconds(5),
            0.2,
            4096,
            true,
            "product-manager-v99",
            BigDecimal.ZERO,
            BigDecimal.ZERO);

    assertThatThrownBy(() -> agent(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("product-manager-v99");
  }

  private LlmProductManagerAgent agent(LlmSettings settings) {
    return new LlmProductManagerAgent(settings, new ModelCalls(), documents);
  }

  private LlmSettings openAi(boolean jsonSchema) {
    return settings("openai", server.openAiBaseUrl(), jsonSchema);
  }

  private static LlmSettings settings(String provider, String baseUrl, boolean jsonSchema) {
    return new LlmSettings(
        provider,
        baseUrl,
        "gpt-test",
        () -> Optional.of(KEY),
        Duration.ofSeconds(10),
        0.2,
        4096,
        jsonSchema,
        "product-manager-v2",
        new BigDecimal("2.50"),
        new BigDecimal("10.00"));
  }

  private static AgentRequest request(String title, String description) {
    return new AgentRequest(
        UUID.randomUUID().toString(),
        title,
        description,
        "ana",
        Priority.HIGH,
        0,
        2,
        1,
        List.of(),
        List.of(),
        null);
  }
}
