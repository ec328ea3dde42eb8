package dev.refinery.shared.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("api")
@OpenAPIDefinition(
    info = @Info(title = "Refinery", version = "0.1",
        description = "Submit feature requests and follow them to an approved PRD."))
public class RestApplication extends Application {}
