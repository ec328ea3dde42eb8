package dev.refinery.taskmanagement.interfaces.rest;

import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("requests")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RequestsResource {

  @Inject Tasks tasks;

  @Context UriInfo uriInfo;

  @POST
  @Operation(summary = "Submit a feature request; it becomes a task in state NEW")
  @APIResponse(responseCode = "201", description = "The task, with its URL in Location")
  @APIResponse(responseCode = "400", description = "Problem details naming each invalid field")
  public Response submit(@NotNull @Valid CreateTask request) {
    TaskView task = tasks.submit(request);
    return Response.created(uriInfo.getBaseUriBuilder().path("tasks").path(task.id().toString()).build())
        .entity(task)
        .build();
  }
}
