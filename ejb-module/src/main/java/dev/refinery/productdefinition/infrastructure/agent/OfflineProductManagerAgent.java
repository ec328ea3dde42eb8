package dev.refinery.productdefinition.infrastructure.agent;

import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.domain.ProductManagerAgent;
import dev.refinery.taskmanagement.api.Question;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in Product Manager, for machines without a model: it looks for who the request is for, the
 * problem, the outcome and how to know it is done; asks for what is missing (at most three questions a
 * round, each with options and a recommendation) while rounds remain; then writes the PRD from the request
 * and the answers, with whatever is still missing recorded as assumptions. The same input always gives
 * the same output.
 */
@ApplicationScoped
@Typed(OfflineProductManagerAgent.class) // the agent in use comes from ProductManagerAgents
public class OfflineProductManagerAgent implements ProductManagerAgent {

  static final String NAME = "offline";
  static final String PROMPT_VERSION = "offline-rules-1";
  private static final int MAX_QUESTIONS = 3;

  private final OfflinePrdWriter writer = new OfflinePrdWriter();

  /** How long each run pretends to think: 0 normally; the benchmark sets it to stand in for a model. */
  @Inject
  @ConfigProperty(name = "refinery.agent.offline.think-time", defaultValue = "PT0S")
  Duration thinkTime;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AgentResult work(AgentRequest request) {
    long start = System.nanoTime();
    think();
    List<Aspect> missing = missing(request);
    AgentRun run = new AgentRun(NAME, NAME, PROMPT_VERSION, 0, 0, (System.nanoTime() - start) / 1_000_000, 0);
    if (!missing.isEmpty() && !request.mustWritePrd()) {
      List<Question> questions = missing.stream().limit(MAX_QUESTIONS).map(Aspect::question).toList();
      return new AgentResult.Clarify(questions, run);
    }
    return new AgentResult.WritePrd(writer.write(request, missing), run);
  }

  private void think() {
    if (thinkTime == null || thinkTime.isZero()) {
      return;
    }
    try {
      Thread.sleep(thinkTime);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while thinking", e);
    }
  }

  /** The aspects neither the request nor any answer covers. */
  static List<Aspect> missing(AgentRequest request) {
    String said = request.title() + "\n" + request.description();
    return Arrays.stream(Aspect.values())
        .filter(aspect -> !aspect.saidIn(said) && answer(request, aspect).isEmpty())
        .toList();
  }

  /** The requester's answer to the aspect's question, if any round asked and got one. */
  static String answer(AgentRequest request, Aspect aspect) {
    return request.clarifications().stream()
        .filter(clarification -> aspect.id().equals(clarification.questionId()))
        .map(AgentRequest.Clarification::answer)
        .filter(answer -> answer != null && !answer.isBlank())
        .collect(Collectors.joining("; "));
  }
}
