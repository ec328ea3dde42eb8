package dev.refinery.productdefinition.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.productdefinition.domain.ProductManagerAgent;
import dev.refinery.productdefinition.domain.reading.Topic;
import dev.refinery.productdefinition.infrastructure.agent.OfflineProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.prd.PrdSchema;
import dev.refinery.taskmanagement.api.Question;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's scoring against an agent scripted to break each rule once, and the set itself.
 */
class AgentEvaluationTest {

  private static final EvalCase REQUEST =
      new EvalCase(
          "lockers",
          "Parcel lockers",
          "Couriers must drop parcels into a locker within 30 seconds, for lockers of up to 60"
              + " compartments.",
          List.of("couriers", "30 seconds", "60 compartments"),
          List.of("30 seconds", "60 compartments"),
          Set.of(Topic.WHO, Topic.MEASURE));

  private final PrdSchema documents = new PrdSchema();

  @Test
  void aRedundantQuestionAContradictedValueAndAMissedFactAreEachCounted() {
    Score score =
        new AgentEvaluation(new Careless(), new AgentEvaluation.CountingCalls()).score(REQUEST);

    assertThat(score.rounds).isEqualTo(1);
    assertThat(score.redundant).containsExactly("audience: Who will use the lockers?");
    assertThat(score.contradictions)
        .containsExactly("the PRD says \"45 seconds\" where the request says \"30 seconds\"");
    assertThat(score.missedFacts).containsExactly("30 seconds");
    assertThat(score.valid).isTrue();
    assertThat(Report.of("careless", List.of(score)))
        .contains(
            "facts kept           2 of 3 (66.7 %)   target >= 90 %   MISSED",
            "contradicted values  1   target 0   MISSED",
            "redundant questions  1 of 1 asked   target 0   MISSED",
            "\"redundantQuestions\":1");
  }

  @Test
  void theOfflineAgentKeepsThatRequestWhole() {
    Score score =
        new AgentEvaluation(new OfflineProductManagerAgent(), new AgentEvaluation.CountingCalls())
            .score(REQUEST);

    assertThat(score.missedFacts).isEmpty();
    assertThat(score.contradictions).isEmpty();
    assertThat(score.redundant).isEmpty();
    assertThat(score.valid).isTrue();
  }

  @Test
  void theSetHasThirtyRequestsOrMoreEachValueANumberWithAUnit() throws Exception {
    List<EvalCase> cases = EvalCase.load();

    assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
    assertThat(cases).extracting(EvalCase::id).doesNotHaveDuplicates();
    assertThat(cases)
        .allSatisfy(request -> assertThat(request.quantities()).hasSameSizeAs(request.values()));
  }

  /**
   * Asks who the lockers are for (the request says), then writes "45 seconds" for the stated 30.
   */
  private final class Careless implements ProductManagerAgent {
    private final OfflineProductManagerAgent offline = new OfflineProductManagerAgent();

    @Override
    public String name() {
      return "careless";
    }

    @Override
    public AgentResult work(AgentRequest request) {
      AgentRun run = new AgentRun("careless", "script", "1", 0, 0, 0, 0);
      if (request.round() == 0) {
        return new AgentResult.Clarify(
            List.of(
                new Question(
                    "audience",
                    "Who will use the lockers?",
                    List.of(
                        new Question.Option("couriers", "Couriers"),
                        new Question.Option("everyone", "Everyone")),
                    "couriers",
                    "It decides the personas.")),
            run);
      }
      Prd prd =
          ((AgentResult.WritePrd)
                  offline.work(
                      new AgentRequest(
                          request.taskId(),
                          request.title(),
                          request.description(),
                          request.requester(),
                          request.priority(),
                          request.maxRounds(),
                          request.maxRounds(),
                          1,
                          List.of(),
                          List.of(),
                          null)))
              .prd();
      return new AgentResult.WritePrd(
          documents.prd(documents.json(prd).replace("30 seconds", "45 seconds")), run);
    }
  }
}
