package dev.refinery.console.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerTextTest {

  private static final Question WHO =
      new Question(
          "who",
          "Who reads the export?",
          List.of(
              new Question.Option("end-users", "The customers themselves"),
              new Question.Option("finance", "Our finance team")),
          "finance",
          "The format depends on the reader");

  @Test
  void aChosenOptionShowsItsLabelNotItsId() {
    assertThat(AnswerText.of(WHO, new Answer("who", "end-users", null)))
        .isEqualTo("The customers themselves");
  }

  @Test
  void anOptionWithTextShowsBothAndTextAloneShowsTheText() {
    assertThat(AnswerText.of(WHO, new Answer("who", "finance", " and auditors ")))
        .isEqualTo("Our finance team — and auditors");
    assertThat(AnswerText.of(WHO, new Answer("who", null, "Nobody yet"))).isEqualTo("Nobody yet");
  }

  @Test
  void anOptionTheQuestionDoesNotListShowsWhatWasSent() {
    assertThat(AnswerText.of(WHO, new Answer("who", "missing", null))).isEqualTo("missing");
  }
}
