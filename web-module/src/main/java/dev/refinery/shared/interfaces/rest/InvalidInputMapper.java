package dev.refinery.shared.interfaces.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation failures → 400 naming each field: a body's field by its name, a query, path or
 * header parameter by the name the caller wrote; a missing body is reported as field "body".
 */
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
    Path.MethodNode method = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD) {
        method = node.as(Path.MethodNode.class);
      }
      last = node;
    }
    if (last == null) {
      return "body";
    }
    if (last.getKind() == ElementKind.PARAMETER) {
      return method == null
          ? "body"
          : parameterName(
              violation.getRootBeanClass(),
              method,
              last.as(Path.ParameterNode.class).getParameterIndex());
    }
    return last.getName();
  }

  /**
   * The query, path or header parameter's name as the caller wrote it; "body" for the request body.
   */
  private static String parameterName(Class<?> resource, Path.MethodNode method, int index) {
    Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
    for (Class<?> type = resource;
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      try {
        for (Annotation annotation :
            type.getDeclaredMethod(method.getName(), types).getParameterAnnotations()[index]) {
          switch (annotation) {
            case QueryParam query -> {
              return query.value();
            }
            case PathParam path -> {
              return path.value();
            }
            case HeaderParam header -> {
              return header.value();
            }
            default -> {}
          }
        }
      } catch (NoSuchMethodException e) {
        // a proxy's class: the resource's own method is further up
      }
    }
    return "body";
  }
}
