package dev.refinery.serverconfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Connects to PostgreSQL as Payara's pool will, and creates the application's database when it does
 * not exist yet (Flyway creates the schemas inside it at start-up). Sets the database's {@code
 * idle_in_transaction_session_timeout}: a process that stops mid-transaction (frozen, swapped out,
 * cut off) loses its session after that long, and with it the row locks that would keep another
 * instance from taking its work over once the lease runs out.
 */
public final class PostgresCheck {

  private static final String MAINTENANCE_DB = "postgres";
  private static final int TIMEOUT_SECONDS = 5;

  private final Settings settings;

  public PostgresCheck(Settings settings) {
    this.settings = settings;
  }

  /** Checks that the database answers, creating it if it is missing. */
  public Optional<Problem> ensureDatabase() {
    try (Connection ignored = connect(settings.dbName())) {
      return configure();
    } catch (SQLException e) {
      if (!"3D000".equals(e.getSQLState())) {
        return Optional.of(explain(e));
      }
    }
    return createDatabase(false).or(this::configure);
  }

  private Optional<Problem> configure() {
    try (Connection connection = connect(settings.dbName());
        Statement statement = connection.createStatement()) {
      statement.execute(
          "ALTER DATABASE "
              + quoted(settings.dbName())
              + " SET idle_in_transaction_session_timeout = '"
              + settings.dbIdleTransactionTimeout()
              + "'");
      return Optional.empty();
    } catch (SQLException e) {
      if ("42501".equals(e.getSQLState())) {
        return Optional.of(
            new Problem(
                "user '"
                    + settings.dbUser()
                    + "' may not set idle_in_transaction_session_timeout"
                    + " on database '"
                    + settings.dbName()
                    + "' (it is not its owner)",
                "Run once as its owner: ALTER DATABASE "
                    + quoted(settings.dbName())
                    + " SET idle_in_transaction_session_timeout"
                    + " = '"
                    + settings.dbIdleTransactionTimeout()
                    + "', or make "
                    + settings.dbUser()
                    + " the owner"));
      }
      return Optional.of(explain(e));
    }
  }

  /** Drops and creates the database: only for the test databases the build owns. */
  public Optional<Problem> recreateDatabase() {
    return createDatabase(true);
  }

  private Optional<Problem> createDatabase(boolean dropFirst) {
    String name = quoted(settings.dbName());
    try (Connection connection = connect(MAINTENANCE_DB);
        Statement statement = connection.createStatement()) {
      if (dropFirst) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
      statement.execute("CREATE DATABASE " + name);
      return Optional.empty();
    } catch (SQLException e) {
      if ("42P04".equals(e.getSQLState())) {
        return Optional.empty(); // created concurrently by another instance
      }
      if ("42501".equals(e.getSQLState())) {
        return Optional.of(
            new Problem(
                "database '"
                    + settings.dbName()
                    + "' does not exist and user '"
                    + settings.dbUser()
                    + "' may not create it",
                "Create it once: sudo -u postgres createdb -O "
                    + settings.dbUser()
                    + " "
                    + settings.dbName()
                    + ", or set REFINERY_DB_NAME to an existing database"));
      }
      return Optional.of(explain(e));
    }
  }

  private Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", settings.dbUser());
    properties.setProperty("password", settings.dbPassword());
    properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
    properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
    properties.setProperty("ApplicationName", "refinery-preflight");
    return DriverManager.getConnection(settings.jdbcUrl(database), properties);
  }

  /** Turns a connection failure into what the operator should do about it. */
  Problem explain(SQLException e) {
    String where = settings.dbHost() + ":" + settings.dbPort();
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return switch (state) {
      case "08001", "08004", "08006" ->
          new Problem(
              "PostgreSQL is not reachable at " + where + " (" + firstLine(e) + ")",
              "Start it (sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main"
                  + " start), install it (sudo apt-get install postgresql), or point"
                  + " REFINERY_DB_HOST/REFINERY_DB_PORT at a running server");
      case "28P01" ->
          new Problem(
              "PostgreSQL at "
                  + where
                  + " refused the password of user '"
                  + settings.dbUser()
                  + "'",
              "Set REFINERY_DB_PASSWORD (and REFINERY_DB_USER) to the database credentials");
      case "28000" ->
          new Problem(
              "PostgreSQL at "
                  + where
                  + " does not let user '"
                  + settings.dbUser()
                  + "' in ("
                  + firstLine(e)
                  + ")",
              "Create the role (sudo -u postgres createuser --createdb --pwprompt "
                  + settings.dbUser()
                  + ") or set REFINERY_DB_USER to an existing one");
      default ->
          new Problem(
              "PostgreSQL at " + where + " failed: " + firstLine(e) + " (SQLState " + state + ")",
              "Check REFINERY_DB_HOST, REFINERY_DB_PORT, REFINERY_DB_NAME, REFINERY_DB_USER and"
                  + " REFINERY_DB_PASSWORD");
    };
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
