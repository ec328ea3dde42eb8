package dev.refinery.restapi;

import dev.refinery.shared.interfaces.rest.Problem;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading optional query parameters: blank means absent; a malformed one is a 400 naming it. */
final class QueryParams {

  private QueryParams() {}

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * An enum constant by its name, or null when absent; anything else is a 400 listing the names it
   * takes.
   */
  static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
    String given = blankToNull(value);
    if (given == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(given)) {
        return constant;
      }
    }
    throw invalid(
        name,
        "must be one of "
            + java.util.Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(java.util.stream.Collectors.joining(", "))
            + ", not '"
            + given
            + "'");
  }

  /**
   * A whole number from {@code min} to {@code max}; anything else is a 400 naming the parameter and
   * the range.
   */
  static int integer(String name, String value, int min, int max) {
    String given = blankToNull(value);
    long number;
    try {
      number = Long.parseLong(given);
    } catch (NumberFormatException | NullPointerException e) {
      throw invalid(
          name, "must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }
    if (number < min || number > max) {
      throw invalid(name, "must be from " + min + " to " + max + ", not " + given);
    }
    return (int) number;
  }

  private static WebApplicationException invalid(String name, String message) {
    return new WebApplicationException(
        Problem.invalid(List.of(new Problem.FieldError(name, message))).response());
  }

  static Instant instant(String name, String value) {
    String given = blankToNull(value);
    try {
      return given == null ? null : Instant.parse(given);
    } catch (DateTimeParseException e) {
      throw new WebApplicationException(
          Problem.invalid(
                  List.of(
                      new Problem.FieldError(
                          name,
                          "must be an ISO-8601 instant such as 2026-11-26T09:30:00Z, not '"
                              + given
                              + "'")))
              .response());
    }
  }
}
