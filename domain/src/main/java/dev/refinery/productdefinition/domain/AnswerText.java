package dev.refinery.productdefinition.domain;

import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.Question;

/** An answer as the agent reads it: the chosen option's label, then any free text. */
public final class AnswerText {

  private AnswerText() {}

  /**
   * @param question the question answered, when this context kept it (else an option shows as its
   *     id)
   */
  public static String of(Question question, Answer answer) {
    String label = null;
    if (answer.optionId() != null) {
      label =
          question == null
              ? answer.optionId()
              : question.options().stream()
                  .filter(option -> option.id().equals(answer.optionId()))
                  .map(Question.Option::label)
                  .findFirst()
                  .orElse(answer.optionId());
    }
    String text = answer.text() == null || answer.text().isBlank() ? null : answer.text().strip();
    if (label != null && text != null) {
      return label + ": " + text;
    }
    return label != null ? label : text == null ? "" : text;
  }
}
