package dev.refinery.restapi;

import dev.refinery.productdefinition.api.AgentCosts;
import dev.refinery.productdefinition.api.AgentRunView;
import dev.refinery.productdefinition.application.Prds;
import dev.refinery.shared.api.Page;
import dev.refinery.shared.interfaces.rest.Problem;
import dev.refinery.taskmanagement.api.ClarificationRound;
import dev.refinery.taskmanagement.api.HistoryEntry;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskFilter;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

  /** A task with everything that happened to it. */
  public record TaskDetails(
      TaskView task,
      List<HistoryEntry> history,
      List<ClarificationRound> clarifications,
      List<Prd> prds,
      List<AgentRunView> agentRuns,
      AgentCosts agentCosts) {}

  /** A PRD revision, its document as a JSON object. */
  public record Prd(
      int revision,
      JsonObject document,
      String agent,
      String model,
      String promptVersion,
      Instant createdAt,
      String rejectionReason,
      String rejectedBy,
      String approvedBy,
      Instant decidedAt) {}

  @Inject Tasks tasks;

  @Inject Prds prds;

  @GET
  @Operation(
      operationId = "listTasks",
      summary = "Tasks, the newest first, filtered by status, priority, requester or text; paged")
  @APIResponse(responseCode = "200", description = "One page of tasks, with the total")
  @APIResponse(
      responseCode = "400",
      description = "A parameter out of its range or not one of its values, named")
  public Page<TaskView> search(
      @QueryParam("status") @Parameter(description = "a task status, e.g. PRD_VALIDATION")
          String status,
      @QueryParam("priority") @Parameter(description = "LOW, MEDIUM, HIGH or CRITICAL")
          String priority,
      @QueryParam("requester") @Size(max = 100) String requester,
      @QueryParam("q") @Size(max = 200) String text,
      @QueryParam("page") @DefaultValue("0") @Parameter(description = "from 0 to " + MAX_PAGE)
          String page,
      @QueryParam("size")
          @DefaultValue("50")
          @Parameter(description = "from 1 to " + Tasks.MAX_PAGE_SIZE)
          String size) {
    TaskFilter filter =
        new TaskFilter(
            QueryParams.oneOf("status", status, TaskStatus.class),
            QueryParams.oneOf("priority", priority, Priority.class),
            QueryParams.blankToNull(requester),
            QueryParams.blankToNull(text));
    return tasks.search(
        filter,
        QueryParams.integer("page", page, 0, MAX_PAGE),
        QueryParams.integer("size", size, 1, Tasks.MAX_PAGE_SIZE));
  }

  /** The last page one may ask for: far beyond any listing, and its offset stays a small number. */
  static final int MAX_PAGE = 1_000_000;

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getTask",
      summary =
          "One task, with its history, clarification rounds, PRD versions, agent runs and their"
              + " costs")
  public Response find(@PathParam("id") String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Problem.of(Response.Status.NOT_FOUND, "No task " + id + " (task ids are UUIDs)")
          .response();
    }
    return tasks
        .find(uuid)
        .map(
            task ->
                Response.ok(
                        new TaskDetails(
                            task,
                            tasks.history(uuid),
                            tasks.clarifications(uuid),
                            prds.versions(uuid).stream().map(TasksResource::prd).toList(),
                            prds.runs(uuid),
                            prds.costs(uuid)))
                    .build())
        .orElseGet(() -> Problem.of(Response.Status.NOT_FOUND, "No task " + id).response());
  }

  private static Prd prd(dev.refinery.productdefinition.api.PrdVersion version) {
    JsonObject document = Json.createReader(new StringReader(version.document())).readObject();
    return new Prd(
        version.revision(),
        document,
        version.agent(),
        version.model(),
        version.promptVersion(),
        version.createdAt(),
        version.rejectionReason(),
        version.rejectedBy(),
        version.approvedBy(),
        version.decidedAt());
  }
}
