package dev.refinery.productdefinition.infrastructure.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.infrastructure.llm.AgentReplies.Reply;
import dev.refinery.productdefinition.infrastructure.prd.PrdSchema;
import dev.refinery.taskmanagement.api.Priority;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the model's reply: what the schema checks, and what it cannot. */
class AgentRepliesTest {

  private final AgentReplies replies = new AgentReplies(new PrdSchema());

  @Test
  void questionsWithOptionsAndARecommendationAreTaken() {
    Reply reply = replies.read(clarify("\"recommended\":\"csv\""), request(0));

    assertThat(reply)
        .isInstanceOfSatisfying(
            Reply.Questions.class,
            questions ->
                assertThat(questions.questions().getFirst().recommended()).isEqualTo("csv"));
  }

  @Test
  void recommendationThatIsNoOptionIsAProblem() {
    Reply reply = replies.read(clarify("\"recommended\":\"pdf\""), request(0));

    assertThat(reply)
        .isEqualTo(
            new Reply.Unusable(
                List.of("/questions/0: recommended must be the id of one of its options")));
  }

  @Test
  void questionsAfterTheLastRoundAreAProblem() {
    Reply reply = replies.read(clarify("\"recommended\":\"csv\""), request(2));

    assertThat(reply)
        .isInstanceOfSatisfying(
            Reply.Unusable.class,
            unusable ->
                assertThat(unusable.problems().getFirst())
                    .startsWith("/outcome: the clarification rounds are used up (2 of 2)"));
  }

  @Test
  void fourQuestionsBreakTheSchema() {
    String question =
        "{\"id\":\"q%d\",\"text\":\"Which"
            + " format?\",\"options\":[],\"recommended\":null,\"why\":\"scope\"}";
    String four =
        String.join(
            ",",
            List.of(
                question.formatted(1),
                question.formatted(2),
                question.formatted(3),
                question.formatted(4)));

    Reply reply =
        replies.read("{\"outcome\":\"CLARIFY\",\"questions\":[" + four + "]}", request(0));

    assertThat(reply)
        .isInstanceOfSatisfying(
            Reply.Unusable.class,
            unusable ->
                assertThat(unusable.problems())
                    .anySatisfy(problem -> assertThat(problem).startsWith("/questions")));
  }

  @Test
  void replyInAMarkdownCodeFenceIsReadAsItsJson() {
    Reply reply =
        replies.read("```json\n" + clarify("\"recommended\":\"csv\"") + "\n```", request(0));

    assertThat(reply).isInstanceOf(Reply.Questions.class);
  }

  @Test
  void theSchemaSentToTheModelHoldsThePrdSchema() {
    assertThat(replies.schema())
        .contains("\"prd\":{", "\"userStories\"", "\"$defs\"")
        .doesNotContain("prd-1.json");
  }

  private static String clarify(String recommendation) {
    return "{\"outcome\":\"CLARIFY\",\"questions\":[{\"id\":\"format\",\"text\":\"Which file"
        + " format?\",\"options\":["
        + "{\"id\":\"csv\",\"label\":\"CSV\"},{\"id\":\"xlsx\",\"label\":\"Excel\"}],"
        + recommendation
        + ",\"why\":\"It decides the export library.\"}]}";
  }

  private static AgentRequest request(int round) {
    return new AgentRequest(
        "t-1", "Export", "", "ana", Priority.LOW, round, 2, 1, List.of(), List.of(), null);
  }
}
