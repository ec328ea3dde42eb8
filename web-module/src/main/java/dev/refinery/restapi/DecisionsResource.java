package dev.refinery.restapi;

import dev.refinery.humaninteraction.application.Decisions;
import dev.refinery.security.Roles;
import dev.refinery.shared.interfaces.rest.Problem;
import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What people decide about a task. Each is accepted (202) and carried out by Task Management within
 * moments; one that does not fit the task's state is refused with 409 naming the state.
 */
@Path("tasks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DecisionsResource {

  /**
   * Answers to the open round; with {@code useRecommendations} the unanswered questions take the
   * recommended option.
   */
  public record Answers(
      @Size(max = MAX_ANSWERS) List<@NotNull @Valid Answer> answers,
      boolean useRecommendations,
      @NotBlank @Size(max = 100) String by) {}

  /**
   * More answers than a round has questions are refused anyway; this bounds the body before that.
   */
  static final int MAX_ANSWERS = 50;

  /** Who decides, and why (a rejection must say why). */
  public record Decision(@NotBlank @Size(max = 100) String by, @Size(max = 4000) String reason) {}

  /** The answer to a decision: accepted, and what. */
  public record Accepted(UUID taskId, String decision) {}

  @Inject Decisions decisions;

  @Inject Tasks tasks;

  @Inject SecurityContext security;

  @POST
  @Path("{id}/answers")
  @Operation(operationId = "answerClarification", summary = "Answer the open clarification round")
  @APIResponse(responseCode = "202", description = "Accepted")
  @APIResponse(responseCode = "403", description = "The caller did not request the task")
  @APIResponse(responseCode = "404", description = "No such task")
  @APIResponse(responseCode = "409", description = "The task is not waiting for answers")
  public Response answer(@PathParam("id") UUID id, @NotNull @Valid Answers body) {
    decisions.answer(
        id,
        body.answers() == null ? List.of() : body.answers(),
        body.useRecommendations(),
        Roles.caller(security),
        body.by());
    return accepted(id, "answers");
  }

  @POST
  @Path("{id}/approval")
  @Operation(operationId = "approvePrd", summary = "Approve the PRD revision waiting for review")
  @APIResponse(responseCode = "202", description = "Accepted")
  @APIResponse(
      responseCode = "403",
      description =
          "Not an APPROVER, or the approver requested the task"
              + " (separation of duties, refinery.security.approve-own-requests)")
  @APIResponse(responseCode = "409", description = "No PRD waits for review")
  public Response approve(@PathParam("id") UUID id, @NotNull @Valid Decision body) {
    decisions.approve(id, Roles.caller(security), body.by());
    return accepted(id, "approval");
  }

  @POST
  @Path("{id}/rejection")
  @Operation(operationId = "rejectPrd", summary = "Send the PRD revision back, with a reason")
  @APIResponse(responseCode = "202", description = "Accepted")
  @APIResponse(responseCode = "400", description = "No reason given")
  @APIResponse(responseCode = "409", description = "No PRD waits for review")
  public Response reject(@PathParam("id") UUID id, @NotNull @Valid Decision body) {
    decisions.reject(id, Roles.caller(security), body.by(), body.reason());
    return accepted(id, "rejection");
  }

  @POST
  @Path("{id}/cancellation")
  @Operation(
      operationId = "cancelTask",
      summary = "Withdraw the task (its requester, or an OPERATOR)")
  @APIResponse(responseCode = "202", description = "Accepted")
  @APIResponse(
      responseCode = "403",
      description = "The caller neither requested the task nor is an OPERATOR")
  @APIResponse(
      responseCode = "409",
      description =
          "The task has ended, or Task Management has not recorded it yet" + " (retry in a moment)")
  public Response cancel(@PathParam("id") UUID id, @NotNull @Valid Decision body) {
    if (tasks.find(id).isEmpty()) {
      // just submitted, or the broker is away: a cancellation now could overtake the task's
      // creation
      return Problem.of(
              Response.Status.CONFLICT,
              "Task Management has not recorded task "
                  + id
                  + " yet (it was just submitted, or the broker is unreachable); retry the"
                  + " cancellation in a moment")
          .response();
    }
    decisions.cancel(id, Roles.caller(security), body.by(), body.reason());
    return accepted(id, "cancellation");
  }

  @POST
  @Path("{id}/retry")
  @Operation(operationId = "retryTask", summary = "Put a failed task back before the agents")
  public Response retry(@PathParam("id") UUID id, @NotNull @Valid Decision body) {
    decisions.retry(id, Roles.caller(security), body.by());
    return accepted(id, "retry");
  }

  private static Response accepted(UUID id, String decision) {
    return Response.accepted(new Accepted(id, decision)).build();
  }
}
