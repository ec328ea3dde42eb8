package dev.refinery.console.tasks;

import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.Question;

/** An answer as a person reads it: the chosen option's label, then any text they wrote. */
final class AnswerText {

  private AnswerText() {}

  static String of(Question question, Answer answer) {
    String option =
        answer.optionId() == null || answer.optionId().isBlank()
            ? ""
            : question.options() == null
                ? answer.optionId()
                : question.options().stream()
                    .filter(candidate -> candidate.id().equals(answer.optionId()))
                    .map(Question.Option::label)
                    .findFirst()
                    .orElse(answer.optionId()); // an option the question no longer lists
    String text = answer.text() == null ? "" : answer.text().strip();
    if (option.isEmpty()) {
      return text;
    }
    return text.isEmpty() ? option : option + " — " + text;
  }
}
