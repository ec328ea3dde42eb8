package dev.refinery.restapi;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.security.Roles;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.monitoring.EventLog;
import dev.refinery.shared.monitoring.MessageRecord;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

  @Inject EventLog log;

  @Inject Tasks tasks;

  @Inject SecurityContext security;

  /** Operators read every message; anyone else the messages of a task they requested, and only those. */
  private void requireOperatorOrOwner(Caller caller, String task) {
    if (caller.has(Role.OPERATOR)) {
      return;
    }
    if (task == null) {
      throw new NotPermittedException("the whole event log is for OPERATORs; name one of your tasks with task=");
    }
    boolean owns;
    try {
      owns = tasks.find(UUID.fromString(task)).filter(view -> view.requester().equals(caller.name())).isPresent();
    } catch (IllegalArgumentException e) {
      owns = false;
    }
    if (!owns) {
      throw new NotPermittedException(caller.name() + " did not request task " + task + ": its messages are for its"
          + " requester and OPERATORs");
    }
  }

  @GET
  @Operation(operationId = "listEvents",
      summary = "The event log: every command and event published and every consumption of it, oldest"
      + " first; filter by task, message type and time (ISO-8601 instants, from inclusive, to exclusive)")
  @APIResponse(responseCode = "200", description = "The messages")
  @APIResponse(responseCode = "403", description = "Not an OPERATOR, and no task of the caller's own named")
  public List<MessageRecord> find(@QueryParam("task") @Size(max = 100) String task,
      @QueryParam("type") @Size(max = 120) String type, @QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
    requireOperatorOrOwner(Roles.caller(security), QueryParams.blankToNull(task));
    return log.find(new EventLog.Filter(QueryParams.blankToNull(task), QueryParams.blankToNull(type),
        QueryParams.instant("from", from), QueryParams.instant("to", to)), limit);
  }
}
