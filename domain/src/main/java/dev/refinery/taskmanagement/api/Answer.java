package dev.refinery.taskmanagement.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * The answer to one question: an option's id, or free text (or both), at most {@value #MAX_TEXT}
 * characters.
 */
public record Answer(
    @NotBlank @Size(max = 100) String questionId,
    @Size(max = 100) String optionId,
    @Size(max = MAX_TEXT) String text)
    implements Serializable {

  /** The longest free-text answer, as long as a request's description. */
  public static final int MAX_TEXT = 4000;
}
