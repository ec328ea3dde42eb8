package dev.refinery.productdefinition.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given the question asked, when an answer arrives, then the text the agent reads. */
class AnswerTextTest {

  private static final Question WHO =
      new Question(
          "who",
          "Who needs it?",
          List.of(new Question.Option("fin", "Finance"), new Question.Option("ops", "Operations")),
          "fin",
          "audience");

  @Test
  void aChosenOptionReadsAsItsLabel() {
    assertThat(AnswerText.of(WHO, new Answer("who", "ops", null))).isEqualTo("Operations");
  }

  @Test
  void anOptionWithFreeTextReadsAsBoth() {
    assertThat(AnswerText.of(WHO, new Answer("who", "fin", "  and audit  ")))
        .isEqualTo("Finance: and audit");
  }

  @Test
  void freeTextAloneIsStripped() {
    assertThat(AnswerText.of(WHO, new Answer("who", null, " the auditors ")))
        .isEqualTo("the auditors");
  }

  @Test
  void anOptionNotAmongTheQuestionsOrWithoutTheQuestionReadsAsItsId() {
    assertThat(AnswerText.of(WHO, new Answer("who", "legal", null))).isEqualTo("legal");
    assertThat(AnswerText.of(null, new Answer("who", "ops", null))).isEqualTo("ops");
  }

  @Test
  void nothingAnsweredIsEmpty() {
    assertThat(AnswerText.of(WHO, new Answer("who", null, "   "))).isEmpty();
  }
}
