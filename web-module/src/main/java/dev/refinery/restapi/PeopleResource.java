package dev.refinery.restapi;

import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.application.InvalidPersonException;
import dev.refinery.humaninteraction.application.People;
import dev.refinery.security.Roles;
import dev.refinery.shared.interfaces.rest.Problem;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The people who sign in, for admins and their scripts: the same rules and audit as the console's
 * People page (a deployment provisions its approvers from a script).
 */
@Path("people")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

  /**
   * A person to add: a password of at least {@value People#MIN_PASSWORD} characters, one role or
   * more.
   */
  public record NewPerson(
      @NotBlank @Size(max = 100) String username,
      @Size(max = 200) String displayName,
      @NotNull @Size(min = People.MIN_PASSWORD, max = 200) String password,
      @NotEmpty Set<Role> roles) {}

  /** A person's roles and whether they may sign in. */
  public record Change(@NotEmpty Set<Role> roles, @NotNull Boolean enabled) {}

  /** A new password, of at least {@value People#MIN_PASSWORD} characters. */
  public record NewPassword(@NotNull @Size(min = People.MIN_PASSWORD, max = 200) String password) {}

  @Inject People people;

  @Inject SecurityContext security;

  @jakarta.ws.rs.core.Context UriInfo uri;

  @GET
  @Operation(operationId = "listPeople", summary = "Everyone who signs in, by username (ADMIN)")
  @APIResponse(responseCode = "200", description = "The people")
  @APIResponse(responseCode = "403", description = "The caller is not an ADMIN")
  public List<Person> all() {
    return people.all(Roles.caller(security));
  }

  @GET
  @Path("{username}")
  @Operation(operationId = "getPerson", summary = "One person (ADMIN)")
  @APIResponse(responseCode = "200", description = "The person")
  @APIResponse(responseCode = "403", description = "The caller is not an ADMIN")
  @APIResponse(responseCode = "404", description = "Nobody has that username")
  public Response one(@PathParam("username") String username) {
    return people
        .find(username, Roles.caller(security))
        .map(person -> Response.ok(person).build())
        .orElseGet(
            () ->
                Problem.of(Response.Status.NOT_FOUND, "Nobody is called '" + username + "'")
                    .response());
  }

  @POST
  @Operation(operationId = "createPerson", summary = "Add a person with roles (ADMIN; audited)")
  @APIResponse(responseCode = "201", description = "Added; Location names the person")
  @APIResponse(
      responseCode = "400",
      description = "A taken or malformed username, a short password, no role")
  @APIResponse(responseCode = "403", description = "The caller is not an ADMIN")
  public Response create(@NotNull @Valid NewPerson body) {
    people.create(
        body.username(),
        body.displayName(),
        body.password().toCharArray(),
        body.roles(),
        Roles.caller(security));
    return Response.created(uri.getAbsolutePathBuilder().path(body.username()).build())
        .entity(people.find(body.username(), Roles.caller(security)).orElseThrow())
        .build();
  }

  @PUT
  @Path("{username}")
  @Operation(
      operationId = "changePerson",
      summary = "Change a person's roles, or disable or enable them (ADMIN; audited)")
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(
      responseCode = "400",
      description = "No role, or an admin taking away their own ADMIN role")
  @APIResponse(responseCode = "403", description = "The caller is not an ADMIN")
  public Person change(@PathParam("username") String username, @NotNull @Valid Change body) {
    people.change(username, body.roles(), body.enabled(), Roles.caller(security));
    return people.find(username, Roles.caller(security)).orElseThrow();
  }

  @PUT
  @Path("{username}/password")
  @Operation(operationId = "resetPassword", summary = "Reset a person's password (ADMIN; audited)")
  @APIResponse(responseCode = "204", description = "Reset")
  @APIResponse(responseCode = "400", description = "A short password, or nobody has that username")
  @APIResponse(responseCode = "403", description = "The caller is not an ADMIN")
  public Response resetPassword(
      @PathParam("username") String username, @NotNull @Valid NewPassword body) {
    people.resetPassword(username, body.password().toCharArray(), Roles.caller(security));
    return Response.noContent().build();
  }

  @POST
  @Path("{username}/unlock")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "unlockPerson",
      summary =
          "Let a person locked out after too many failed sign-ins sign in again (ADMIN; audited)")
  @APIResponse(responseCode = "204", description = "Unlocked")
  @APIResponse(responseCode = "400", description = "Nobody has that username")
  @APIResponse(responseCode = "403", description = "The caller is not an ADMIN")
  public Response unlock(@PathParam("username") String username) {
    people.unlock(username, Roles.caller(security));
    return Response.noContent().build();
  }

  /** A person's details that cannot be taken: a 400 problem naming the field. */
  @Provider
  public static class Invalid implements ExceptionMapper<InvalidPersonException> {
    @Override
    public Response toResponse(InvalidPersonException e) {
      return Problem.invalid(List.of(new Problem.FieldError(e.field(), e.getMessage()))).response();
    }
  }
}
