package dev.refinery.shared.interfaces.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * JAX-RS's own errors (404, 405, 415, unreadable bodies) as problem details instead of HTML pages.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    if (exception.getResponse().getEntity() instanceof Problem) {
      return exception.getResponse(); // already a problem, thrown by our own code
    }
    if (Causes.contain(exception, NoContentException.class)) {
      return Problem.invalid(List.of(new Problem.FieldError("body", "must not be empty")))
          .response();
    }
    if (Causes.contain(exception, JsonbException.class)) {
      return Problem.of(
              Response.Status.BAD_REQUEST, "Malformed JSON: " + Causes.deepestMessage(exception))
          .response();
    }
    return Problem.of(exception.getResponse().getStatusInfo(), exception.getMessage()).response();
  }
}
