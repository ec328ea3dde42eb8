package dev.refinery.restapi;

import dev.refinery.humaninteraction.application.MessageHistory;
import dev.refinery.security.Roles;
import dev.refinery.shared.monitoring.EventLog;
import dev.refinery.shared.monitoring.MessageRecord;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

  /** The most messages one call returns. */
  static final int MAX_LIMIT = 5000;

  @Inject MessageHistory history;

  @Inject SecurityContext security;

  @GET
  @Operation(
      operationId = "listEvents",
      summary =
          "The event log: every command and event published and every consumption of it, oldest"
              + " first; filter by task, message type and time (ISO-8601 instants, from inclusive,"
              + " to exclusive)")
  @APIResponse(responseCode = "200", description = "The messages")
  @APIResponse(
      responseCode = "400",
      description = "A parameter malformed or out of its range, named")
  @APIResponse(
      responseCode = "403",
      description = "Not an OPERATOR, and no task of the caller's own named")
  public List<MessageRecord> find(
      @QueryParam("task") @Size(max = 100) String task,
      @QueryParam("type") @Size(max = 120) String type,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") @DefaultValue("500") @Parameter(description = "from 1 to " + MAX_LIMIT)
          String limit) {
    return history.find(
        new EventLog.Filter(
            QueryParams.blankToNull(task),
            QueryParams.blankToNull(type),
            QueryParams.instant("from", from),
            QueryParams.instant("to", to)),
        QueryParams.integer("limit", limit, 1, MAX_LIMIT),
        Roles.caller(security));
  }
}
