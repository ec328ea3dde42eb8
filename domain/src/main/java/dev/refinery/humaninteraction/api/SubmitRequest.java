package dev.refinery.humaninteraction.api;

import dev.refinery.taskmanagement.api.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * A person's feature request as it comes in. Field limits are part of the contract: an API caller
 * learns them from the 400 response that names the offending field.
 *
 * @param priority one of {@link Priority}'s names, in any case
 */
public record SubmitRequest(
    @NotBlank @Size(max = SubmitRequest.TITLE_MAX) String title,
    @NotNull @Size(max = SubmitRequest.DESCRIPTION_MAX) String description,
    @NotBlank
        @Pattern(
            regexp = SubmitRequest.PRIORITY_PATTERN,
            message = "must be one of LOW, MEDIUM, HIGH, CRITICAL")
        String priority,
    @NotBlank @Size(max = SubmitRequest.REQUESTER_MAX) String requester) {

  public static final int TITLE_MAX = 200;
  public static final int DESCRIPTION_MAX = 20_000;
  public static final int REQUESTER_MAX = 100;
  static final String PRIORITY_PATTERN = "(?i)LOW|MEDIUM|HIGH|CRITICAL";

  /** The priority as the enum; only valid after validation passed. */
  public Priority priorityLevel() {
    return Priority.valueOf(priority.trim().toUpperCase(Locale.ROOT));
  }
}
