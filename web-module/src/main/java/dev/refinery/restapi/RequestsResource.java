package dev.refinery.restapi;

import dev.refinery.humaninteraction.api.SubmitRequest;
import dev.refinery.humaninteraction.application.Requests;
import dev.refinery.security.Roles;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("requests")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RequestsResource {

  /** The answer to a submission: the task's id, and where it will be. */
  public record Submitted(UUID taskId, String status) {}

  @Inject Requests requests;

  @Inject SecurityContext security;

  @Context UriInfo uriInfo;

  @POST
  @Operation(
      operationId = "submitRequest",
      summary = "Submit a feature request; it becomes a task in state NEW within moments")
  @APIResponse(responseCode = "202", description = "Accepted: the task's id, its URL in Location")
  @APIResponse(responseCode = "400", description = "Problem details naming each invalid field")
  @APIResponse(
      responseCode = "403",
      description =
          "The caller is no REQUESTER, or names a requester other than"
              + " themselves without being an ADMIN")
  public Response submit(@NotNull @Valid SubmitRequest request) {
    UUID task = requests.submit(request, Roles.caller(security));
    return Response.accepted(new Submitted(task, "SUBMITTED"))
        .location(uriInfo.getBaseUriBuilder().path("tasks").path(task.toString()).build())
        .build();
  }
}
