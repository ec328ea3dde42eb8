package dev.refinery.shared.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Refinery",
            version = "0.1",
            description = "Submit feature requests and follow them to an approved PRD."),
    security = @SecurityRequirement(name = RestApplication.BASIC))
@SecurityScheme(
    securitySchemeName = RestApplication.BASIC,
    type = SecuritySchemeType.HTTP,
    scheme = "basic",
    description =
        "A person of the console: their username and password (HTTP Basic, over HTTPS outside a"
            + " laptop)")
public class RestApplication extends Application {

  /** The one security scheme: HTTP Basic as a person of the console. */
  public static final String BASIC = "basic";
}
