package dev.refinery.restapi;

import dev.refinery.humaninteraction.api.Notification;
import dev.refinery.humaninteraction.application.Notifications;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

  @Inject Notifications notifications;

  @GET
  @Operation(summary = "A person's notifications (or the approvers' inbox, recipient=approvers), the newest first")
  public List<Notification> inbox(@QueryParam("recipient") @NotBlank @Size(max = 100) String recipient,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return notifications.inbox(recipient, limit);
  }
}
