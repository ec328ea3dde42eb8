package dev.refinery.restapi;

import dev.refinery.humaninteraction.api.Notification;
import dev.refinery.humaninteraction.application.Notifications;
import dev.refinery.security.Roles;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

  @Inject Notifications notifications;

  @Inject SecurityContext security;

  @GET
  @Operation(
      operationId = "readInbox",
      summary =
          "A person's own notifications, or a shared inbox of their role (recipient=approvers for"
              + " APPROVERs, recipient=operators for OPERATORs), the newest first")
  @APIResponse(responseCode = "200", description = "The inbox")
  @APIResponse(
      responseCode = "400",
      description = "No recipient, or a limit malformed or out of its range, named")
  @APIResponse(
      responseCode = "403",
      description = "Somebody else's inbox, or a shared inbox of a role the caller lacks")
  public List<Notification> inbox(
      @QueryParam("recipient") @NotBlank @Size(max = 100) String recipient,
      @QueryParam("limit")
          @DefaultValue("50")
          @Parameter(description = "from 1 to " + Notifications.MAX_INBOX)
          String limit) {
    return notifications.inbox(
        Roles.caller(security),
        recipient,
        QueryParams.integer("limit", limit, 1, Notifications.MAX_INBOX));
  }
}
