package dev.refinery.shared.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * Anything else → 500 with an incident id the operator can find in the log; no stack trace leaks. A lost
 * database connection is not an incident but a moment's outage: 503 with {@code Retry-After}, saying that
 * nothing was recorded.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

  private static final System.Logger LOG = System.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Exception exception) {
    return incident(exception);
  }

  static Response incident(Exception exception) {
    if (DatabaseUnavailable.causes(exception)) {
      LOG.log(Level.WARNING, "A REST call lost its database connection; answered 503: {0}", exception.toString());
      return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "The database connection was lost"
              + " for a moment, so nothing was recorded; send the same request again.").response())
          .header("Retry-After", "1").build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.ERROR, "Incident " + incident + ": unexpected error in a REST call", exception);
    return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
            "Unexpected error; the server log has the details under incident " + incident)
        .response();
  }
}
