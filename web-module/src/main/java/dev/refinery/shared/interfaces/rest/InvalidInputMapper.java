package dev.refinery.shared.interfaces.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures → 400 naming each field; a missing body is reported as field "body". */
@Provider
public class InvalidInputMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Problem.FieldError> errors =
        exception.getConstraintViolations().stream()
            .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return Problem.invalid(errors).response();
  }

  private static String field(ConstraintViolation<?> violation) {
    Path.Node last = null;
    for (Path.Node node : violation.getPropertyPath()) {
      last = node;
    }
    if (last == null || last.getKind() == ElementKind.PARAMETER) {
      return "body";
    }
    return last.getName();
  }
}
