package dev.refinery;

import dev.refinery.productdefinition.domain.AgentException;
import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.PrdDocuments;
import dev.refinery.productdefinition.domain.ProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.agent.OfflineProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.agent.ProductManagerAgents;
import dev.refinery.productdefinition.infrastructure.llm.FakeModelServer;
import dev.refinery.productdefinition.infrastructure.llm.LlmProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.llm.LlmSettings;
import dev.refinery.productdefinition.infrastructure.llm.ModelCalls;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The agents of the test deployment, chosen by the task's title. {@code [llm]}: the agent the
 * configuration names (the OpenAI-protocol agent, pointed at a {@link FakeModelServer} this bean
 * starts on the configured port); {@code [ollama]}: an Ollama-protocol agent on the same server.
 * Otherwise the offline agent, with faults a title asks for: {@code [flaky:N]} fails the first N
 * runs the way an overloaded model server does (retryable), {@code [broken]} fails like a rejected
 * API key (not retryable).
 */
@Alternative
@Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class ScriptedAgent implements ProductManagerAgent {

  private static final Pattern FLAKY = Pattern.compile("\\[flaky:(\\d+)]");
  private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
  private static volatile FakeModelServer modelServer;

  @Inject OfflineProductManagerAgent offline;

  @Inject ProductManagerAgents agents;

  @Inject ModelCalls calls;

  @Inject PrdDocuments documents;

  @Inject Config config;

  private volatile ProductManagerAgent ollama;

  /** The model server the LLM agents of this deployment talk to, started on first use. */
  static synchronized FakeModelServer modelServer(Config config) {
    if (modelServer == null) {
      int port = URI.create(config.getValue("refinery.agent.llm.base-url", String.class)).getPort();
      try {
        modelServer = FakeModelServer.start(port, System.getenv("REFINERY_AGENT_LLM_API_KEY"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return modelServer;
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public AgentResult work(AgentRequest request) throws AgentException {
    if (request.title().contains("[llm]")) {
      modelServer(config);
      return agents.configured().work(request);
    }
    if (request.title().contains("[ollama]")) {
      return ollama().work(request);
    }
    int run = RUNS.computeIfAbsent(request.taskId(), id -> new AtomicInteger()).incrementAndGet();
    Matcher flaky = FLAKY.matcher(request.title());
    if (flaky.find() && run <= Integer.parseInt(flaky.group(1))) {
      throw new AgentException(
          "HTTP 503 from the model server (scripted, run " + run + ")", true, null);
    }
    if (request.title().contains("[broken]")) {
      throw new AgentException(
          "HTTP 401 Unauthorized: the API key was refused (scripted)", false, null);
    }
    return offline.work(request);
  }

  private ProductManagerAgent ollama() {
    if (ollama == null) {
      LlmSettings openAi = LlmSettings.from(config, LlmSettings.OPENAI);
      LlmSettings settings =
          new LlmSettings(
              LlmSettings.OLLAMA,
              modelServer(config).ollamaBaseUrl(),
              "llama-it",
              java.util.Optional::empty,
              openAi.timeout(),
              openAi.temperature(),
              openAi.maxTokens(),
              true,
              openAi.prompt(),
              openAi.inputPricePerMillion(),
              openAi.outputPricePerMillion());
      ollama = new LlmProductManagerAgent(settings, calls, documents);
    }
    return ollama;
  }
}
