package dev.refinery.serverconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class PostgresCheckTest {

  @Test
  void missingDatabaseIsCreated() throws SQLException {
    String name = "refinery_preflight_" + UUID.randomUUID().toString().substring(0, 8);
    Settings settings = TestSettings.with("REFINERY_DB_NAME", name);
    try {
      assertThat(new PostgresCheck(settings).ensureDatabase()).isEmpty();
      assertThat(databaseExists(settings, name)).isTrue();
      assertThat(new PostgresCheck(settings).ensureDatabase())
          .as("second run is a no-op")
          .isEmpty();
    } finally {
      drop(settings, name);
    }
  }

  @Test
  void databaseEndsSessionsIdleInATransactionAfterTheConfiguredTime() throws SQLException {
    String name = "refinery_preflight_idle_" + ProcessHandle.current().pid();
    Settings settings =
        TestSettings.with(
            "REFINERY_DB_NAME", name, "REFINERY_DB_IDLE_TRANSACTION_TIMEOUT", "1500ms");
    drop(settings, name);
    try {
      assertThat(new PostgresCheck(settings).ensureDatabase()).isEmpty();
      try (java.sql.Connection connection =
              java.sql.DriverManager.getConnection(
                  settings.jdbcUrl(name), settings.dbUser(), settings.dbPassword());
          java.sql.Statement statement = connection.createStatement();
          java.sql.ResultSet row =
              statement.executeQuery("SHOW idle_in_transaction_session_timeout")) {
        row.next();
        assertThat(row.getString(1)).isEqualTo("1500ms");
      }
    } finally {
      drop(settings, name);
    }
  }

  @Test
  void idleTransactionTimeoutThatIsNoDurationIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TestSettings.with("REFINERY_DB_IDLE_TRANSACTION_TIMEOUT", "soon"))
        .hasMessageContaining("REFINERY_DB_IDLE_TRANSACTION_TIMEOUT must be a duration");
  }

  @Test
  void serverThatDoesNotAnswerIsReportedWithHowToStartIt() {
    int port = TestSettings.unusedPort();
    Settings settings = TestSettings.with("REFINERY_DB_PORT", String.valueOf(port));

    Problem problem = new PostgresCheck(settings).ensureDatabase().orElseThrow();

    assertThat(problem.line())
        .startsWith("refinery: PostgreSQL is not reachable at 127.0.0.1:" + port)
        .contains("pg_ctlcluster", "apt-get install postgresql", "REFINERY_DB_PORT")
        .doesNotContain("\n");
  }

  @Test
  void unknownRoleIsReportedWithTheVariableToSet() {
    Settings settings = TestSettings.with("REFINERY_DB_USER", "no_such_role_" + System.nanoTime());

    Problem problem = new PostgresCheck(settings).ensureDatabase().orElseThrow();

    assertThat(problem.what()).contains("does not let user 'no_such_role_");
    assertThat(problem.fix()).contains("REFINERY_DB_USER");
  }

  @Test
  void wrongPasswordNamesThePasswordVariable() {
    // The local server trusts loopback, so a real 28P01 cannot be provoked here; the mapping is
    // checked.
    Settings settings = TestSettings.with("REFINERY_DB_USER", "refinery");
    PSQLException refused =
        new PSQLException("FATAL: password authentication failed", PSQLState.INVALID_PASSWORD);

    Problem problem = new PostgresCheck(settings).explain(refused);

    assertThat(problem.line())
        .isEqualTo(
            "refinery: PostgreSQL at 127.0.0.1:5432 refused the password of user 'refinery'. "
                + "Set REFINERY_DB_PASSWORD (and REFINERY_DB_USER) to the database credentials");
  }

  private static boolean databaseExists(Settings settings, String name) throws SQLException {
    try (var connection =
            DriverManager.getConnection(
                settings.jdbcUrl("postgres"), settings.dbUser(), settings.dbPassword());
        var statement =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      statement.setString(1, name);
      return statement.executeQuery().next();
    }
  }

  private static void drop(Settings settings, String name) throws SQLException {
    try (var connection =
            DriverManager.getConnection(
                settings.jdbcUrl("postgres"), settings.dbUser(), settings.dbPassword());
        var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
    }
  }
}
