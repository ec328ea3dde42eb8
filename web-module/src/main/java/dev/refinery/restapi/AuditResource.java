package dev.refinery.restapi;

import dev.refinery.security.Roles;
import dev.refinery.shared.application.AuditExport;
import dev.refinery.shared.application.AuditTrail;
import dev.refinery.shared.interfaces.rest.Problem;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The audit trail's export, for OPERATORs and ADMINs (web.xml, and the boundary checks): read it as
 * JSON Lines, oldest first, store it, then acknowledge the last id stored; retention deletes only
 * acknowledged entries.
 */
@Path("audit")
public class AuditResource {

  /** JSON Lines: one JSON object per line. */
  static final String NDJSON = "application/x-ndjson";

  @Inject AuditExport export;

  @Inject SecurityContext security;

  /** What an acknowledgement carries. */
  public record Exported(@NotNull Long through) {}

  @GET
  @Path("export")
  @Produces(NDJSON)
  @Operation(
      operationId = "exportAudit",
      summary =
          "The audit trail after an entry id, oldest first, entries a minute old or older (a"
              + " younger one may still be committing behind a higher id), one JSON object per"
              + " line (id, at,"
              + " actor, action, subject, taskId, detail); header X-Refinery-Exported-Through says"
              + " how far exports were acknowledged (OPERATOR or ADMIN)")
  @APIResponse(responseCode = "200", description = "The entries, possibly none")
  @APIResponse(responseCode = "400", description = "after or limit out of range, named")
  @APIResponse(responseCode = "403", description = "Not an OPERATOR or ADMIN")
  public Response export(
      @QueryParam("after") @DefaultValue("0") @Parameter(description = "an entry id, or 0")
          String after,
      @QueryParam("limit")
          @DefaultValue("1000")
          @Parameter(description = "from 1 to " + AuditExport.MAX_PAGE)
          String limit) {
    List<AuditTrail.Entry> entries =
        export.page(
            QueryParams.integer("after", after, 0, Integer.MAX_VALUE),
            QueryParams.integer("limit", limit, 1, AuditExport.MAX_PAGE),
            Roles.caller(security));
    StringBuilder lines = new StringBuilder();
    for (AuditTrail.Entry entry : entries) {
      lines.append(line(entry)).append('\n');
    }
    return Response.ok(lines.toString(), NDJSON)
        .header("X-Refinery-Exported-Through", export.exportedThrough())
        .build();
  }

  @PUT
  @Path("exported")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "acknowledgeAuditExport",
      summary =
          "Say the entries through an id are stored elsewhere: retention may delete them after"
              + " refinery.retention.audit (OPERATOR or ADMIN; audited; the mark never moves back)")
  @APIResponse(responseCode = "200", description = "The mark now: {\"exportedThrough\": id}")
  @APIResponse(responseCode = "400", description = "through names no entry")
  @APIResponse(responseCode = "403", description = "Not an OPERATOR or ADMIN")
  public Map<String, Long> acknowledge(@NotNull Exported body) {
    try {
      return Map.of("exportedThrough", export.acknowledge(body.through(), Roles.caller(security)));
    } catch (IllegalArgumentException e) {
      throw new jakarta.ws.rs.WebApplicationException(
          Problem.invalid(List.of(new Problem.FieldError("through", e.getMessage()))).response());
    }
  }

  private static String line(AuditTrail.Entry entry) {
    JsonObjectBuilder line =
        Json.createObjectBuilder()
            .add("id", entry.id())
            .add("at", entry.at().toString())
            .add("actor", entry.actor())
            .add("action", entry.action())
            .add("subject", entry.subject());
    if (entry.taskId() != null) {
      line.add("taskId", entry.taskId());
    }
    if (entry.detail() != null) {
      line.add("detail", entry.detail());
    }
    return line.build().toString();
  }
}
