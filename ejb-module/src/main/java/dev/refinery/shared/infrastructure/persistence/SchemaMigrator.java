package dev.refinery.shared.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger.Level;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates each bounded context's own schema at start-up, before anything touches the database
 * (start-up beans that do declare {@code @DependsOn("SchemaMigrator")}). Each schema keeps its own
 * Flyway history; instances starting together serialise on Flyway's PostgreSQL advisory lock. A
 * failed migration fails the deployment.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

  /** The contexts' schemas and the messaging infrastructure's, in the order they are migrated. */
  public static final List<String> SCHEMAS =
      List.of(
          "taskmanagement",
          "humaninteraction",
          "productdefinition",
          "orchestration",
          "messaging",
          "monitoring");

  private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());

  @Resource(lookup = "jdbc/refinery")
  private DataSource dataSource;

  private volatile boolean migrated;

  @PostConstruct
  void migrate() {
    for (String schema : SCHEMAS) {
      MigrateResult result =
          Flyway.configure(getClass().getClassLoader())
              .dataSource(dataSource)
              .schemas(schema)
              .locations("classpath:db/migration/" + schema)
              .load()
              .migrate();
      String version =
          result.targetSchemaVersion != null
              ? result.targetSchemaVersion
              : result.initialSchemaVersion;
      LOG.log(
          Level.INFO,
          "Schema {0} at version {1} ({2} migrations applied now)",
          schema,
          version,
          result.migrationsExecuted);
    }
    migrated = true;
  }

  /** Whether every schema is at its latest version. */
  @Lock(LockType.READ)
  public boolean migrated() {
    return migrated;
  }
}
