package dev.refinery.shared.interfaces.rest;

import dev.refinery.shared.application.NotPermittedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** What a boundary refused the caller: a 403 problem saying why. */
@Provider
public class NotPermittedMapper implements ExceptionMapper<NotPermittedException> {

  @Override
  public Response toResponse(NotPermittedException e) {
    return Problem.of(Response.Status.FORBIDDEN, e.getMessage()).response();
  }
}
