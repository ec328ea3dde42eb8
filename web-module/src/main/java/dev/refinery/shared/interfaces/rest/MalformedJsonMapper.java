package dev.refinery.shared.interfaces.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not the JSON the resource expects (JAX-RS wraps the JSON-B failure in a {@link
 * ProcessingException}) → 400 with the parser's reason. Other processing failures are the server's
 * fault → 500.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException exception) {
    if (!Causes.contain(exception, JsonbException.class)) {
      return UnexpectedErrorMapper.incident(exception);
    }
    return Problem.of(
            Response.Status.BAD_REQUEST, "Malformed JSON: " + Causes.deepestMessage(exception))
        .response();
  }
}
