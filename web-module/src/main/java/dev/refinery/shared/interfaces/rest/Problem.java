package dev.refinery.shared.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem-details body. {@code errors} lists the fields that failed validation, each
 * with what was wrong, so a client can point at the input to fix.
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

  /** One field that failed validation. */
  public record FieldError(String field, String message) {}

  public static Problem of(Response.StatusType status, String detail) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
  }

  public static Problem invalid(List<FieldError> errors) {
    String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
    return new Problem("about:blank", "Bad Request", 400, "Invalid request: " + fields, errors);
  }

  public Response response() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
