package dev.refinery.productdefinition.infrastructure.agent;

import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.domain.ProductManagerAgent;
import dev.refinery.productdefinition.domain.reading.StatedRequest;
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
 * The built-in Product Manager, for machines without a model. It reads the request ({@link
 * StatedRequest}: who it is for and whom it is restricted to, its targets with their numbers, its
 * obligations, enumerations and standards), asks only about what the request and the answers leave
 * out (who, the problem, the outcome, how success is measured: at most three questions a round,
 * each with options and a recommendation) while rounds remain, then writes the PRD from what was
 * stated, with whatever is still missing recorded as assumptions and open questions, never as
 * invented numbers. The same input always gives the same output.
 */
@ApplicationScoped
@Typed(OfflineProductManagerAgent.class) // the agent in use comes from ProductManagerAgents
public class OfflineProductManagerAgent implements ProductManagerAgent {

  static final String NAME = "offline";
  static final String PROMPT_VERSION = "offline-rules-2";
  private static final int MAX_QUESTIONS = 3;

  private final OfflinePrdWriter writer = new OfflinePrdWriter();

  /**
   * How long each run pretends to think: 0 normally; the benchmark sets it to stand in for a model.
   */
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
    StatedRequest stated = StatedRequest.read(request.title(), request.description());
    List<Aspect> missing = missing(request, stated);
    AgentRun run =
        new AgentRun(NAME, NAME, PROMPT_VERSION, 0, 0, (System.nanoTime() - start) / 1_000_000, 0);
    if (!missing.isEmpty() && !request.mustWritePrd()) {
      List<Question> questions =
          missing.stream().limit(MAX_QUESTIONS).map(Aspect::question).toList();
      return new AgentResult.Clarify(questions, run);
    }
    return new AgentResult.WritePrd(writer.write(request, stated, missing), run);
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
  static List<Aspect> missing(AgentRequest request, StatedRequest stated) {
    return Arrays.stream(Aspect.values())
        .filter(
            aspect ->
                !stated.topics().contains(aspect.topic()) && answer(request, aspect).isEmpty())
        .toList();
  }

  /** The requester's answer to the aspect's question, if any round asked and got one. */
  static String answer(AgentRequest request, Aspect aspect) {
    return request.clarifications().stream()
        .filter(
            clarification ->
                aspect.id().equals(clarification.questionId())
                    || aspect == Aspect.MEASURE
                        && "acceptance"
                            .equals(clarification.questionId())) // its id before offline-rules-2
        .map(AgentRequest.Clarification::answer)
        .filter(answer -> answer != null && !answer.isBlank())
        .collect(Collectors.joining("; "));
  }
}
