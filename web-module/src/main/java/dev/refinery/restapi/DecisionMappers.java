package dev.refinery.restapi;

import dev.refinery.humaninteraction.application.InvalidDecisionException;
import dev.refinery.humaninteraction.application.NoSuchTaskException;
import dev.refinery.humaninteraction.application.TaskStateConflictException;
import dev.refinery.shared.interfaces.rest.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A decision's refusals as problem details: 400 naming the field, 404, 409 naming the task's state.
 */
public final class DecisionMappers {

  private DecisionMappers() {}

  @Provider
  public static class Invalid implements ExceptionMapper<InvalidDecisionException> {
    @Override
    public Response toResponse(InvalidDecisionException e) {
      return Problem.invalid(List.of(new Problem.FieldError(e.field(), e.getMessage()))).response();
    }
  }

  @Provider
  public static class Missing implements ExceptionMapper<NoSuchTaskException> {
    @Override
    public Response toResponse(NoSuchTaskException e) {
      return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).response();
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<TaskStateConflictException> {
    @Override
    public Response toResponse(TaskStateConflictException e) {
      return Problem.of(Response.Status.CONFLICT, e.getMessage()).response();
    }
  }
}
