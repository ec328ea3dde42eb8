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

  static Instant instant(String name, String value) {
    String given = blankToNull(value);
    try {
      return given == null ? null : Instant.parse(given);
    } catch (DateTimeParseException e) {
      throw new WebApplicationException(Problem.invalid(List.of(new Problem.FieldError(name,
          "must be an ISO-8601 instant such as 2026-11-26T09:30:00Z, not '" + given + "'"))).response());
    }
  }
}
