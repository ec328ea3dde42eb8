package dev.refinery.shared.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * Anything else → 500 with an incident id the operator can find in the log; no stack trace leaks. A
 * lost database connection is not an incident but a moment's outage: 503 with {@code Retry-After},
 * saying whether the change was recorded (lost before the commit: no) or may have been (lost during
 * it).
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

  private static final System.Logger LOG = System.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Exception exception) {
    return incident(exception);
  }

  static Response incident(Exception exception) {
    DatabaseUnavailable outage = DatabaseUnavailable.of(exception);
    if (outage != DatabaseUnavailable.NO) {
      LOG.log(
          Level.WARNING,
          "A REST call lost its database connection ({0}); answered 503: {1}",
          outage,
          exception);
      String detail =
          outage == DatabaseUnavailable.NOTHING_RECORDED
              ? "The database connection was lost for a moment, so nothing was recorded; send the"
                  + " same request again."
              : "The database connection was lost while the change was being committed: it may or"
                  + " may not have been recorded. Look for it (for a request: GET /api/tasks)"
                  + " before sending it again.";
      return Response.fromResponse(
              Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail).response())
          .header("Retry-After", "1")
          .build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.ERROR, "Incident " + incident + ": unexpected error in a REST call", exception);
    return Problem.of(
            Response.Status.INTERNAL_SERVER_ERROR,
            "Unexpected error; the server log has the details under incident " + incident)
        .response();
  }
}
