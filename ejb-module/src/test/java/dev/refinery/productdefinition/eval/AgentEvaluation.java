package dev.refinery.productdefinition.eval;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.refinery.productdefinition.domain.AgentException;
import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.domain.ProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.agent.OfflineProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.llm.LlmProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.llm.LlmSettings;
import dev.refinery.productdefinition.infrastructure.llm.ModelCalls;
import dev.refinery.productdefinition.infrastructure.prd.PrdSchema;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.Question;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./refinery eval agent}: runs the configured Product Manager agent (offline, or the
 * OpenAI-compatible or Ollama model the {@code REFINERY_AGENT_*} variables name, as for {@code
 * ./refinery run}) over the evaluation set, answering its questions with its own recommendations,
 * and writes per request and in total: facts kept, contradicted values, invented numbers, redundant
 * questions, rounds, schema failures, re-prompts, and for a model tokens, cost and latency. A table
 * and one JSON line, like the benchmarks.
 */
public final class AgentEvaluation {

  private static final System.Logger LOG = System.getLogger(AgentEvaluation.class.getName());
  private static final int MAX_ROUNDS = 2;

  private final ProductManagerAgent agent;
  private final CountingCalls calls;
  private final PrdSchema documents = new PrdSchema();

  AgentEvaluation(ProductManagerAgent agent, CountingCalls calls) {
    this.agent = agent;
    this.calls = calls;
  }

  public static void main(String[] args) throws IOException {
    Path report = Path.of(args.length > 0 ? args[0] : "ejb-module/target/agent-eval/report.txt");
    String provider = setting("refinery.agent.provider");
    CountingCalls calls = new CountingCalls();
    ProductManagerAgent agent =
        "offline".equals(provider)
            ? new OfflineProductManagerAgent()
            : new LlmProductManagerAgent(settings(provider), calls, new PrdSchema());
    List<Score> scores = new AgentEvaluation(agent, calls).run(EvalCase.load());
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, Report.of(agent.name(), scores));
    LOG.log(
        Level.INFO,
        "Evaluated {0} requests with the {1} agent; report in {2}",
        scores.size(),
        agent.name(),
        report);
  }

  List<Score> run(List<EvalCase> cases) {
    List<Score> scores = new ArrayList<>();
    for (EvalCase request : cases) {
      scores.add(score(request));
    }
    return scores;
  }

  /**
   * One request, round by round until the PRD (or a failure), every question answered with its
   * recommendation.
   */
  Score score(EvalCase request) {
    Score score = new Score(request);
    List<AgentRequest.Clarification> answers = new ArrayList<>();
    for (int round = 0; round <= MAX_ROUNDS; round++) {
      AgentRequest asked =
          new AgentRequest(
              "eval-" + request.id(),
              request.title(),
              request.description(),
              "requester",
              Priority.MEDIUM,
              round,
              MAX_ROUNDS,
              1,
              List.copyOf(answers),
              List.of(),
              null);
      int before = calls.count();
      AgentResult result;
      try {
        result = agent.work(asked);
      } catch (AgentException e) {
        score.failure = e.getMessage();
        e.run().ifPresent(run -> used(score, run, calls.count() - before));
        return score;
      } catch (RuntimeException e) {
        score.failure = e.toString();
        return score;
      }
      used(score, result.run(), calls.count() - before);
      switch (result) {
        case AgentResult.Clarify clarify -> {
          score.asked(clarify.questions());
          for (Question question : clarify.questions()) {
            answers.add(
                new AgentRequest.Clarification(
                    round + 1, question.id(), question.text(), recommendation(question)));
          }
        }
        case AgentResult.WritePrd write -> {
          score.wrote(write.prd(), documents);
          return score;
        }
      }
    }
    score.failure = "no PRD after " + MAX_ROUNDS + " rounds of questions";
    return score;
  }

  private static void used(Score score, AgentRun run, int calls) {
    score.calls += calls;
    score.tokensIn += run.tokensIn();
    score.tokensOut += run.tokensOut();
    score.latencyMillis += run.latencyMillis();
    score.costUsd += run.costUsd();
  }

  /** The answer a cooperative requester gives: the recommended option's label. */
  static String recommendation(Question question) {
    return question.options().stream()
        .filter(option -> option.id().equals(question.recommended()))
        .map(Question.Option::label)
        .findFirst()
        .orElse("No preference: use your judgement");
  }

  /** The model calls, counted: more than one call for a run means a re-prompt. */
  static final class CountingCalls extends ModelCalls {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public ChatResponse chat(ChatModel model, ChatRequest request) {
      count.incrementAndGet();
      return super.chat(model, request);
    }

    int count() {
      return count.get();
    }
  }

  /**
   * A setting as the application reads it: the {@code REFINERY_*} variable, else the built-in
   * default.
   */
  static String setting(String name) {
    String variable = name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    String value = System.getenv(variable);
    if (value != null && !value.isBlank()) {
      return value.strip();
    }
    return DEFAULTS.getProperty(name);
  }

  private static final Properties DEFAULTS = defaults();

  private static Properties defaults() {
    Properties properties = new Properties();
    try (InputStream in =
        AgentEvaluation.class
            .getClassLoader()
            .getResourceAsStream("META-INF/microprofile-config.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in settings", e);
    }
    return properties;
  }

  private static LlmSettings settings(String provider) {
    String url =
        Optional.ofNullable(setting("refinery.agent.llm.base-url"))
            .orElse(
                LlmSettings.OLLAMA.equals(provider)
                    ? "http://127.0.0.1:11434"
                    : "https://api.openai.com/v1");
    return new LlmSettings(
        provider,
        url,
        setting("refinery.agent.llm.model"),
        () -> Optional.ofNullable(setting("refinery.agent.llm.api-key")),
        Duration.parse(setting("refinery.agent.llm.timeout")),
        Double.parseDouble(setting("refinery.agent.llm.temperature")),
        Integer.parseInt(setting("refinery.agent.llm.max-tokens")),
        Boolean.parseBoolean(setting("refinery.agent.llm.json-schema")),
        setting("refinery.agent.llm.prompt"),
        new BigDecimal(setting("refinery.agent.llm.price.input-per-million")),
        new BigDecimal(setting("refinery.agent.llm.price.output-per-million")));
  }
}
