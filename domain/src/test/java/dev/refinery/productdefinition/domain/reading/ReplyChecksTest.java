package dev.refinery.productdefinition.domain.reading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.taskmanagement.api.Question;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Given what a request states and a reply, when the reply is checked, then the problems it has. */
class ReplyChecksTest {

  private static final List<Quantity> STATED =
      StatedRequest.read(
              "Quote lookup", "Lookups must answer within 250 ms for 1,000 concurrent users.")
          .quantities();

  @Test
  void aDifferentNumberForTheSameThingContradictsTheRequest() {
    Prd prd = prd("at most 2 seconds for 1,000 concurrent users");

    assertThat(ReplyChecks.contradictions(STATED, prd))
        .singleElement()
        .hasToString("the PRD says \"2 seconds\" where the request says \"250 ms\"");
  }

  @Test
  void theSameValueInOtherWordsIsKept() {
    assertThat(ReplyChecks.contradictions(STATED, prd("0.25 s for 1,000 concurrent users")))
        .isEmpty();
  }

  @Test
  void aNumberForSomethingTheRequestGivesNoneForIsInvented() {
    Prd prd = prd("within 250 ms, 99.9% of the time");

    assertThat(ReplyChecks.contradictions(STATED, prd)).isEmpty();
    assertThat(ReplyChecks.invented(STATED, prd))
        .extracting(Quantity::text)
        .containsExactly("99.9%");
  }

  @Test
  void theQuotedRequestIsNotThePrdsOwnText() {
    Prd prd = prd("within 250 ms");
    Prd quoting =
        new Prd(
            prd.title(),
            "It must answer in 5 seconds",
            prd.clarifications(),
            prd.problemStatement(),
            prd.goals(),
            prd.personas(),
            prd.userStories(),
            prd.requirements(),
            prd.nonFunctionalRequirements(),
            prd.outOfScope(),
            prd.assumptions(),
            prd.openQuestions(),
            prd.risks(),
            prd.dependencies(),
            prd.successMetrics(),
            null);

    assertThat(ReplyChecks.contradictions(STATED, quoting)).isEmpty();
  }

  @Test
  void aQuestionAboutACoveredTopicIsRedundantOthersAreNot() {
    Question who = question("audience", "Who will use this?");
    Question format = question("format", "Which file format?");

    assertThat(ReplyChecks.redundant(Set.of(Topic.WHO), List.of(who, format))).containsExactly(who);
    assertThat(
            ReplyChecks.problems(STATED, Set.of(Topic.WHO), prd("at most 2 seconds"), List.of(who)))
        .containsExactly(
            "the PRD says \"2 seconds\" where the request says \"250 ms\": keep the stated value",
            "the question \"Who will use this?\" asks about the who, which the request already"
                + " states: do not ask it");
  }

  private static Question question(String id, String text) {
    return new Question(
        id,
        text,
        List.of(new Question.Option("a", "A"), new Question.Option("b", "B")),
        "a",
        "It matters.");
  }

  private static Prd prd(String target) {
    return new Prd(
        "Quote lookup",
        "Quote lookup",
        List.of(),
        "Lookups are slow for traders today.",
        List.of("Fast lookups"),
        List.of(new Prd.Persona("Traders", "Named in the request")),
        List.of(
            new Prd.UserStory(
                "US-1",
                "Traders",
                "look up quotes",
                "they trade on time",
                "P1",
                List.of(new Prd.AcceptanceCriterion("a quote", "they look it up", "it answers")))),
        List.of(
            new Prd.Requirement(
                "REQ-1", "WHEN traders look up a quote THE SYSTEM SHALL answer", "P1")),
        List.of(
            new Prd.NonFunctionalRequirement(
                "NFR-1", "Performance", "Lookups answer fast", "time to answer", target)),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(new Prd.SuccessMetric("Lookups answered", "all")),
        null);
  }
}
