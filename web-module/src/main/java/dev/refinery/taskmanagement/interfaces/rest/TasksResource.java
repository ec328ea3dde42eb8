package dev.refinery.taskmanagement.interfaces.rest;

import dev.refinery.shared.interfaces.rest.Problem;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

  @Inject Tasks tasks;

  @GET
  @Operation(summary = "The newest tasks first")
  public List<TaskView> newest(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return tasks.newest(limit);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One task")
  public Response find(@PathParam("id") String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Problem.of(Response.Status.NOT_FOUND, "No task " + id + " (task ids are UUIDs)").response();
    }
    return tasks.find(uuid)
        .map(task -> Response.ok(task).build())
        .orElseGet(() -> Problem.of(Response.Status.NOT_FOUND, "No task " + id).response());
  }
}
