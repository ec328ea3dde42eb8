package dev.refinery.shared.interfaces.health;

import dev.refinery.shared.infrastructure.persistence.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when PostgreSQL answers and every context's schema is migrated. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/refinery")
  DataSource dataSource;

  @Inject SchemaMigrator schemaMigrator;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    boolean migrated = schemaMigrator.migrated();
    response.withData("migrations", migrated ? "applied" : "pending");
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
      ProbeErrors.cleared("database");
      return response.status(valid && migrated).build();
    } catch (SQLException e) {
      return response.down().withData("error", ProbeErrors.reported("database", e)).build();
    }
  }
}
