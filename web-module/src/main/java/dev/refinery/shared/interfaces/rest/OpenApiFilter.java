package dev.refinery.shared.interfaces.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * What every operation of {@code /openapi} shares, said once: each may answer 401 (not signed in)
 * and 403 (signed in, not allowed) as a problem; server URLs have no trailing slash (paths begin
 * with one); no property outside the OpenAPI specification. Registered with {@code
 * mp.openapi.filter}.
 */
public class OpenApiFilter implements OASFilter {

  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    if (!responses.hasAPIResponse("401")) {
      responses.addAPIResponse(
          "401",
          OASFactory.createAPIResponse()
              .description("Not signed in: HTTP Basic as a person of the console (a problem)"));
    }
    if (!responses.hasAPIResponse("403")) {
      responses.addAPIResponse(
          "403",
          OASFactory.createAPIResponse()
              .description(
                  "Signed in, but the caller's roles do not allow it (a problem saying why)"));
    }
    return operation;
  }

  /**
   * Payara adds a top-level {@code endpoints} map of its own (an index of the paths) that is not
   * OpenAPI: generators and linters refuse the document with it, and {@code paths} says the same.
   */
  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    try {
      // empty, not null: Payara copies the map, and leaves an empty one out of the document
      openAPI
          .getClass()
          .getMethod("setEndpoints", java.util.Map.class)
          .invoke(openAPI, new java.util.TreeMap<>());
    } catch (ReflectiveOperationException e) {
      // another implementation, without the extra map: nothing to remove
    }
  }

  @Override
  public Server filterServer(Server server) {
    String url = server.getUrl();
    if (url != null && url.length() > 1 && url.endsWith("/")) {
      server.setUrl(url.substring(0, url.length() - 1));
    }
    return server;
  }
}
