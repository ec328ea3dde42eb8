package dev.refinery.productdefinition.infrastructure.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.productdefinition.domain.reading.ReplyChecks;
import dev.refinery.productdefinition.domain.reading.StatedRequest;
import dev.refinery.productdefinition.infrastructure.prd.PrdSchema;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineProductManagerAgentTest {

  private final OfflineProductManagerAgent agent = new OfflineProductManagerAgent();
  private final PrdSchema schema = new PrdSchema();

  @Test
  void vagueRequestGetsAtMostThreeQuestionsWithOptionsAndARecommendation() {
    AgentResult result = agent.work(request("Make reporting better", "", 0, List.of(), List.of()));

    assertThat(result)
        .isInstanceOfSatisfying(
            AgentResult.Clarify.class,
            clarify -> {
              assertThat(clarify.questions())
                  .extracting(Question::id)
                  .containsExactly("who", "problem", "outcome");
              for (Question question : clarify.questions()) {
                assertThat(question.options()).hasSizeBetween(2, 5);
                assertThat(question.options())
                    .extracting(Question.Option::id)
                    .contains(question.recommended());
                assertThat(question.why()).isNotBlank();
              }
              assertThat(clarify.run().agent()).isEqualTo("offline");
              assertThat(clarify.run().tokensIn()).isZero();
            });
  }

  @Test
  void secondRoundAsksOnlyWhatIsStillMissing() {
    List<AgentRequest.Clarification> answered =
        List.of(
            new AgentRequest.Clarification(
                1, "who", "Who is this for?", "Internal staff who run the business"),
            new AgentRequest.Clarification(
                1,
                "problem",
                "What problem does it solve?",
                "A recurring task takes too much manual work"),
            new AgentRequest.Clarification(
                1,
                "outcome",
                "What outcome would make it worth doing?",
                "Save time on a recurring task"));

    AgentResult result = agent.work(request("Make reporting better", "", 1, answered, List.of()));

    assertThat(result)
        .isInstanceOfSatisfying(
            AgentResult.Clarify.class,
            clarify ->
                assertThat(clarify.questions())
                    .extracting(Question::id)
                    .containsExactly("measure"));
  }

  @Test
  void completeRequestGetsAPrdThatMatchesTheSchema() {
    AgentResult result =
        agent.work(
            request(
                "CSV export of invoices",
                "Finance users export invoices manually every month, which takes hours. So that"
                    + " they save a day a month, the system must export all invoices of a month as"
                    + " CSV; done when finance can download it.",
                0,
                List.of(),
                List.of()));

    Prd prd = ((AgentResult.WritePrd) result).prd();
    assertThat(schema.problems(schema.json(prd))).isEmpty();
    assertThat(prd.originalRequest())
        .startsWith("CSV export of invoices\n\nFinance users export invoices manually");
    assertThat(prd.goals()).hasSizeLessThanOrEqualTo(3);
    assertThat(prd.requirements())
        .allSatisfy(
            requirement -> assertThat(requirement.text()).matches("WHEN .+ THE SYSTEM SHALL .+"));
    assertThat(prd.assumptions()).isEmpty();
    assertThat(prd.revisionNotes()).isNull();
  }

  @Test
  void whatTheRequestStatesBecomesPersonasRequirementsAndTargetsWithItsOwnValues() {
    AgentResult result =
        agent.work(
            request(
                "Parcel tracking page",
                "Customers phone us to ask where their parcel is, so that they stop calling we want"
                    + " a tracking page. It shows carrier, status, location and expected delivery,"
                    + " to the recipient only. The page must load within 1.5 seconds for 20,000"
                    + " visitors an hour, and must meet WCAG 2.2 AA.",
                0,
                List.of(),
                List.of()));

    Prd prd =
        ((AgentResult.WritePrd) result)
            .prd(); // nothing to ask: who, problem, outcome and a target are stated
    assertThat(schema.problems(schema.json(prd))).isEmpty();
    assertThat(prd.personas()).extracting(Prd.Persona::name).contains("Recipients", "Customers");
    assertThat(prd.nonFunctionalRequirements())
        .extracting(Prd.NonFunctionalRequirement::target)
        .contains("within 1.5 seconds for 20,000 visitors an hour");
    assertThat(prd.requirements())
        .extracting(Prd.Requirement::text)
        .anySatisfy(
            text -> assertThat(text).contains("carrier, status, location, expected delivery"))
        .anySatisfy(
            text -> assertThat(text).contains("who is not one of the recipients", "SHALL refuse"))
        .anySatisfy(text -> assertThat(text).endsWith("SHALL comply with WCAG 2.2 AA"));
    assertThat(
            ReplyChecks.contradictions(
                StatedRequest.read(prd.title(), prd.originalRequest()).quantities(), prd))
        .isEmpty();
  }

  @Test
  void itAsksOnlyAboutWhatTheRequestLeavesOut() {
    AgentResult result =
        agent.work(
            request(
                "Shift swap",
                "Nurses swap shifts over text messages today and the rota is" + " often wrong.",
                0,
                List.of(),
                List.of()));

    assertThat(result)
        .isInstanceOfSatisfying(
            AgentResult.Clarify.class,
            clarify ->
                assertThat(clarify.questions())
                    .extracting(Question::id)
                    .containsExactly("outcome", "measure"));
  }

  @Test
  void aTargetTheRequestDoesNotGiveIsAnOpenQuestionNotANumber() {
    Prd prd =
        ((AgentResult.WritePrd)
                agent.work(
                    request(
                        "Shift swap",
                        "Nurses swap shifts over text messages today and the"
                            + " rota is often wrong.",
                        2,
                        List.of(),
                        List.of())))
            .prd();

    assertThat(ReplyChecks.invented(List.of(), prd)).isEmpty();
    assertThat(prd.nonFunctionalRequirements())
        .singleElement()
        .extracting(Prd.NonFunctionalRequirement::target)
        .asString()
        .startsWith("not stated in the request");
    assertThat(prd.openQuestions())
        .anySatisfy(question -> assertThat(question).startsWith("How fast must"))
        .anySatisfy(question -> assertThat(question).startsWith("How much must"));
  }

  @Test
  void afterTheLastRoundTheGapsBecomeAssumptions() {
    AgentResult result = agent.work(request("Make reporting better", "", 2, List.of(), List.of()));

    Prd prd = ((AgentResult.WritePrd) result).prd();
    assertThat(schema.problems(schema.json(prd))).isEmpty();
    assertThat(prd.assumptions())
        .hasSize(4)
        .allSatisfy(assumption -> assertThat(assumption).startsWith("Not confirmed"));
    assertThat(prd.openQuestions()).contains("Who is this for?");
  }

  @Test
  void revisionAddressesTheRejectionReasonExplicitly() {
    AgentResult result =
        agent.work(
            new AgentRequest(
                "t-1",
                "CSV export",
                "Finance users need it because it is manual;"
                    + " so that they save time; done when they can download it.",
                "ana",
                Priority.HIGH,
                0,
                2,
                2,
                List.of(),
                List.of(new AgentRequest.Rejection(1, "It must also cover credit notes")),
                null));

    Prd prd = ((AgentResult.WritePrd) result).prd();
    assertThat(prd.revisionNotes())
        .contains("Revision 2", "revision 1", "It must also cover credit notes");
    assertThat(prd.requirements())
        .anySatisfy(
            requirement ->
                assertThat(requirement.text())
                    .contains("\"It must also cover credit notes\"")
                    .startsWith("WHEN revision 1 was rejected"));
    assertThat(schema.problems(schema.json(prd))).isEmpty();
  }

  @Test
  void sameRequestAlwaysGivesTheSameDocument() {
    AgentRequest request = request("Make reporting better", "", 2, List.of(), List.of());
    Prd first = ((AgentResult.WritePrd) agent.work(request)).prd();
    Prd second = ((AgentResult.WritePrd) agent.work(request)).prd();
    assertThat(schema.json(first)).isEqualTo(schema.json(second));
  }

  @Test
  void schemaRefusesADocumentMissingItsRequirements() {
    Prd prd =
        ((AgentResult.WritePrd)
                agent.work(request("Make reporting better", "", 2, List.of(), List.of())))
            .prd();
    Prd broken =
        new Prd(
            prd.title(),
            prd.originalRequest(),
            prd.clarifications(),
            prd.problemStatement(),
            prd.goals(),
            prd.personas(),
            prd.userStories(),
            List.of(),
            prd.nonFunctionalRequirements(),
            prd.outOfScope(),
            prd.assumptions(),
            prd.openQuestions(),
            prd.risks(),
            prd.dependencies(),
            prd.successMetrics(),
            null);

    assertThat(schema.problems(schema.json(broken)))
        .singleElement()
        .asString()
        .contains("requirements");
  }

  private static AgentRequest request(
      String title,
      String description,
      int round,
      List<AgentRequest.Clarification> clarifications,
      List<AgentRequest.Rejection> rejections) {
    return new AgentRequest(
        "t-1",
        title,
        description,
        "ana",
        Priority.MEDIUM,
        round,
        2,
        1,
        clarifications,
        rejections,
        null);
  }
}
